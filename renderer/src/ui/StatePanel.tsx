// The shared look of "nothing to draw yet" moments — loading, empty, failed — so every feature
// tells people the same way what is happening and what they can do about it.
import type { ReactNode } from 'react';
import './panels.css';

export interface StatePanelProps {
  tone: 'info' | 'error';
  title: string;
  children?: ReactNode;
  /** e.g. a Retry button. */
  action?: ReactNode;
  testId?: string;
}

export function StatePanel({ tone, title, children, action, testId }: StatePanelProps) {
  // Errors interrupt (alert); progress and empty states are announced politely (status).
  return (
    <div className={`panel panel--state panel--${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
      <p className="panel__title">{title}</p>
      {children ? <div className="panel__body">{children}</div> : null}
      {action ? <div className="panel__actions">{action}</div> : null}
    </div>
  );
}
