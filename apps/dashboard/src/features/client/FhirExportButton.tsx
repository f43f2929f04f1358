/** "Export (FHIR)" for supervisors: the client's record as a FHIR R4 Bundle, fetched with the token and saved as a .json file. */
import { useState } from 'react';
import { exportFhirBundle } from '../../api/fhir';
import { useAuth } from '../../auth/AuthProvider';
import { useAgencyZone } from '../../app/session';
import { fhirEverythingPath, fhirFileName } from '../../lib/signoff';
import { todayInZone } from '../../lib/zone';

export function FhirExportButton({ clientId, displayName }: { clientId: string; displayName: string }) {
  const { session, fetch: fetchFn, expire } = useAuth();
  const zone = useAgencyZone();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const run = async () => {
    if (!session) return;
    setBusy(true);
    setProblem(null);
    try {
      const answer = await exportFhirBundle(fetchFn, session.token, fhirEverythingPath(clientId));
      if (!answer.ok) {
        if (answer.unauthenticated) expire();
        setProblem(answer.message);
        return;
      }
      const url = URL.createObjectURL(answer.blob);
      const a = window.document.createElement('a');
      a.href = url;
      a.download = fhirFileName(displayName, todayInZone(zone));
      window.document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch {
      setProblem('The export could not be fetched. Check the connection and try again.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="fhir-export">
      <button type="button" className="button secondary" disabled={busy} onClick={() => void run()}>
        {busy ? 'Exporting…' : 'Export (FHIR)'}
      </button>
      {problem ? (
        <span className="field-error block" role="alert">
          {problem}
        </span>
      ) : null}
    </span>
  );
}
