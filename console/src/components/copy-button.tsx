import { useState } from 'preact/hooks';

/** Copies `text`; falls back to a selection copy where the Clipboard API is missing (plain-HTTP hosts). */
async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'offscreen';
  document.body.append(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  if (!copied) throw new Error('copy failed');
}

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [status, setStatus] = useState('');
  const copy = () =>
    copyText(text).then(
      () => setStatus('Copied'),
      () => setStatus('Copy failed: select the text and copy it by hand'),
    );
  return (
    <span class="copy">
      <button type="button" onClick={copy}>
        {label}
      </button>
      <span role="status" class="copy-status">
        {status}
      </span>
    </span>
  );
}
