'use client';

import { useState } from 'react';
import { archiveProject } from './actions';

/** Shown to everyone; only an admin with a recent sign-in gets past the action's own check. */
export function ArchiveButton({ projectId }: { projectId: string }) {
  const [result, setResult] = useState('');
  return (
    <p>
      <button
        type="button"
        onClick={async () => {
          try {
            setResult(JSON.stringify(await archiveProject(projectId)));
          } catch {
            setResult('refused');
          }
        }}
      >
        Archive {projectId}
      </button>
      <output>{result}</output>
    </p>
  );
}
