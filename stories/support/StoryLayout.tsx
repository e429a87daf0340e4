import type { ReactNode } from 'react';
import { FakeInbox } from './FakeInbox';
import './stories.css';

/** Props of `<FlowBeside>`. */
export interface FlowBesideProps {
  /** The flow under test. */
  children: ReactNode;
  /** What a visitor needs to know to play (accounts, passwords), shown above the inbox. */
  note?: ReactNode;
  /** Show the story's fake inbox; default true. */
  inbox?: boolean;
  /** More story tools for the side column (e.g. the simulated sign-in window). */
  side?: ReactNode;
}

/** A flow with the story tools beside it: a note for the visitor, the fake inbox, anything else the story needs. */
export function FlowBeside({ children, note, inbox = true, side }: FlowBesideProps): ReactNode {
  return (
    <div className="story-beside">
      <div className="story-flow">{children}</div>
      {(note !== undefined || inbox || side !== undefined) && (
        <div className="story-side">
          {note !== undefined && <p className="story-note">{note}</p>}
          {side}
          {inbox && <FakeInbox />}
        </div>
      )}
    </div>
  );
}
