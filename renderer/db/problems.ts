// The refusals that repositories throw are pure classes, shared with the UI that reports them.
export { RecordChangedError, RecordNotFoundError, RecordRejectedError } from '@shared/domain/problems';
