interface ErrorBannerProps {
  title: string;
  error: {
    message: string;
    kind: string;
    nextStep?: string | undefined;
    status?: number | undefined;
    host?: string | undefined;
  };
  onDismiss?: () => void;
}

/** A failure with its cause and what to do next (never just "something went wrong"). */
export function ErrorBanner({ title, error, onDismiss }: ErrorBannerProps) {
  return (
    <div
      className="banner banner-error"
      role="alert"
      data-testid="error-banner"
      data-kind={error.kind}
    >
      <strong>{title}</strong>
      <p className="banner-message">{error.message}</p>
      {error.nextStep !== undefined && <p className="banner-next">{error.nextStep}</p>}
      {onDismiss !== undefined && (
        <button type="button" className="link-button" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
