import { Modal } from './Modal';

/** A modal confirmation: focus starts on Cancel (the safe choice), Escape cancels. Every word comes from the caller, in the user's language. */
export function ConfirmDialog(props: { title: string; body: string; confirmLabel: string; cancelLabel: string; danger?: boolean; onConfirm(): void; onCancel(): void }) {
  return (
    <Modal labelledBy="confirm-title" describedBy="confirm-body" onEscape={props.onCancel}>
      <h2 id="confirm-title">{props.title}</h2>
      <p id="confirm-body">{props.body}</p>
      <div className="button-row">
        <button type="button" data-autofocus onClick={props.onCancel}>
          {props.cancelLabel}
        </button>
        <button type="button" className={props.danger ? 'danger' : 'primary'} onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
