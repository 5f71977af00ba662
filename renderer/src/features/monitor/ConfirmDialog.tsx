import { Modal } from './Modal';

/** A modal confirmation: focus starts on Cancel (the safe choice), Escape cancels. */
export function ConfirmDialog(props: { title: string; body: string; confirmLabel: string; danger?: boolean; onConfirm(): void; onCancel(): void }) {
  return (
    <Modal labelledBy="confirm-title" describedBy="confirm-body" onEscape={props.onCancel}>
      <h2 id="confirm-title">{props.title}</h2>
      <p id="confirm-body">{props.body}</p>
      <div className="button-row">
        <button type="button" data-autofocus onClick={props.onCancel}>
          Cancel
        </button>
        <button type="button" className={props.danger ? 'danger' : 'primary'} onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
