import { createSignal, onMount } from 'solid-js';
import { t } from '../../i18n';
import { Button } from '../../ui/Button';

export interface SignaturePadHandle {
  /** The drawing as a PNG, or undefined while nothing is drawn. */
  toBlob: () => Promise<Blob | undefined>;
}

const strokeWidthCssPx = 2.5;

/**
 * A box the customer signs in with a finger, a stylus or a mouse (pointer events).
 * The canvas is drawn at the screen's pixel density so the signature stays sharp.
 */
export function SignaturePad(props: { label: string; onInk: (hasInk: boolean) => void; ref: (handle: SignaturePadHandle) => void }) {
  let canvas: HTMLCanvasElement | undefined;
  const [hasInk, setHasInk] = createSignal(false);
  let drawing = false;
  let inked = false;

  const context = () => canvas?.getContext('2d') ?? undefined;

  const point = (event: PointerEvent) => {
    const box = canvas!.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  };

  const setInk = (value: boolean) => {
    inked = value;
    setHasInk(value);
    props.onInk(value);
  };

  onMount(() => {
    props.ref({
      toBlob: () =>
        new Promise((resolve) => {
          if (!canvas || !inked) resolve(undefined);
          else canvas.toBlob((blob) => resolve(blob ?? undefined), 'image/png');
        }),
    });
    const box = canvas!.getBoundingClientRect();
    const ratio = window.devicePixelRatio || 1;
    canvas!.width = Math.round(box.width * ratio);
    canvas!.height = Math.round(box.height * ratio);
    const pen = context();
    if (!pen) return;
    pen.scale(ratio, ratio);
    pen.lineWidth = strokeWidthCssPx;
    pen.lineCap = 'round';
    pen.lineJoin = 'round';
    pen.strokeStyle = '#0f172a';
  });

  const clear = () => {
    if (!canvas) return;
    context()?.clearRect(0, 0, canvas.width, canvas.height);
    setInk(false);
  };

  return (
    <div class="signature">
      <canvas
        ref={canvas}
        class="signature-canvas"
        role="img"
        aria-label={props.label}
        onPointerDown={(event) => {
          event.preventDefault();
          canvas!.setPointerCapture(event.pointerId);
          drawing = true;
          const { x, y } = point(event);
          const pen = context();
          pen?.beginPath();
          pen?.moveTo(x, y);
        }}
        onPointerMove={(event) => {
          if (!drawing) return;
          const { x, y } = point(event);
          const pen = context();
          pen?.lineTo(x, y);
          pen?.stroke();
          if (!inked) setInk(true);
        }}
        onPointerUp={() => (drawing = false)}
        onPointerCancel={() => (drawing = false)}
      />
      <div class="signature-tools">
        <span class="muted">{t('technician.signHere')}</span>
        <Button variant="ghost" onClick={clear} disabled={!hasInk()}>
          {t('technician.clearSignature')}
        </Button>
      </div>
    </div>
  );
}
