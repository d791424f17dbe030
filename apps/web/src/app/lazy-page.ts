import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** A page shown once its module has loaded; `load` fetches that module ahead of time. */
export type LazyPage<Page extends ComponentType> = LazyExoticComponent<Page> & { load: () => Promise<unknown> };

/**
 * A page loaded when first shown: `load` imports its module (a separate script in the build), `name` is the page's
 * export. PageBoundary shows the loading message meanwhile and the way out if it fails.
 */
export function lazyPage<Name extends string, Module extends Record<Name, ComponentType>>(load: () => Promise<Module>, name: Name): LazyPage<Module[Name]> {
  return Object.assign(
    lazy(async () => ({ default: (await load())[name] })),
    { load },
  );
}

/**
 * A part of a page that only some viewers use (an analyst's forms), loaded when first shown: `load` imports its
 * module (a separate script in the build) and gives the component, and may be called ahead of time. Shown inside a
 * SectionBoundary, which says it is loading meanwhile and what went wrong if it fails.
 */
export function lazyPart<Props extends object>(load: () => Promise<ComponentType<Props>>): LazyExoticComponent<ComponentType<Props>> & { load: () => Promise<unknown> } {
  return Object.assign(
    lazy(async () => ({ default: await load() })),
    { load },
  );
}
