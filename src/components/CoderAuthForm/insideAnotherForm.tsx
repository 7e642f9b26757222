import { createContext, useContext, type ReactNode } from 'react';

const InsideAnotherFormContext = createContext(false);

/**
 * Marks the link form below as sitting inside another form (a scaffolder template's),
 * where a `<form>` of its own would be invalid HTML and its submit event would bubble
 * into the outer form's React handler and drive that form instead.
 */
export function InsideAnotherForm(props: { children: ReactNode }) {
  return (
    <InsideAnotherFormContext.Provider value>
      {props.children}
    </InsideAnotherFormContext.Provider>
  );
}

/** Whether the link form renders inside another form (see {@link InsideAnotherForm}). */
export function useInsideAnotherForm(): boolean {
  return useContext(InsideAnotherFormContext);
}
