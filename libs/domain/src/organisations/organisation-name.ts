const KEEP_CAPITALS = new Set(['NHS', 'CCG', 'CSU', 'STP']);
const SMALL_WORDS = new Set(['OF', 'AND', 'THE', 'ON', 'IN']);

/** ODS lists write names in capitals: "NHS LEEDS NORTH CCG" reads as "NHS Leeds North CCG". Names already in mixed case are kept. */
export function organisationName(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name
    .split(' ')
    .map((word, index) => {
      if (KEEP_CAPITALS.has(word)) return word;
      if (index > 0 && SMALL_WORDS.has(word)) return word.toLowerCase();
      return word.charAt(0) + word.slice(1).toLowerCase();
    })
    .join(' ');
}
