import { CopyButton } from './copy-button';

/** A freshly made API key. It lives only in this component's state: a reload forgets it. */
export function KeyOnce({ connectionName, apiKey, onDismiss }: { connectionName: string; apiKey: string; onDismiss: () => void }) {
  return (
    <section class="key-once" aria-labelledby="key-once-heading">
      <h2 id="key-once-heading">API key of {connectionName}</h2>
      <p>
        Copy it now: <strong>it is shown only once</strong>. Store it in your CI system's secret store as
        <code> DEVLAKE_WEBHOOK_KEY</code>.
      </p>
      <p>
        <label for="new-api-key">API key</label>
        <input id="new-api-key" class="key-value" readOnly value={apiKey} onFocus={(event) => event.currentTarget.select()} />
      </p>
      <CopyButton text={apiKey} label="Copy API key" />
      <button type="button" onClick={onDismiss}>
        I have stored it
      </button>
    </section>
  );
}
