import './surfaces.css';

/** The app mark (the icon's "R") and name; decorative next to a text heading. */
export function Logo(props: { withName?: boolean }) {
  return (
    <span class="logo">
      <img src="/favicon.svg" alt="" width="32" height="32" class="logo-mark" />
      {props.withName ? <span class="logo-name">Relais</span> : null}
    </span>
  );
}
