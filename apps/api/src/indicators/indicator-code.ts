/** An indicator code as administrators define them: a capital letter, then capital letters, digits and _, at most 40 (decision 0031). */
export const INDICATOR_CODE = /^[A-Z][A-Z0-9_]{0,39}$/;
