// The React (and JSX runtime, react-query) bindings the kit's modules use, re-exported from one module. The library
// build points those modules' imports here (vite.config.ts, `sharedPeerImports`), so a host's bundler writes one
// import statement per peer instead of one per kit module, each with its own local names: about 0.2 KB gzip per flow.
// Source and tests import the peers directly; this module is only what the build routes them through. A module that
// imports a name not listed here fails the build (MISSING_EXPORT names it): add it to the list.
export { Fragment, jsx, jsxs } from 'react/jsx-runtime';
export {
  createContext,
  createElement,
  useContext,
  useEffect,
  useId,
  useMemo,
  useReducer,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
export { MutationObserver, QueryClient, QueryClientContext, QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query';
