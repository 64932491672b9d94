using FluentValidation;

namespace LlmPlatform.Application.Webhooks.CreateWebhook;

/// <summary>The shape of a new webhook: an absolute http(s) URL, known event names, a usable secret and header value when given.</summary>
internal sealed class CreateWebhookCommandValidator : AbstractValidator<CreateWebhookCommand>
{
    public const int MaxUrlLength = 2048;

    public const int MaxAuthHeaderLength = 2048;

    public CreateWebhookCommandValidator()
    {
        RuleFor(c => c.Url)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("url is required.")
            .MaximumLength(MaxUrlLength).WithMessage($"url must be at most {MaxUrlLength} characters.")
            .Must(BeHttpUrl).WithMessage("url must be an absolute http:// or https:// URL.")
            .Must(HaveNoCredentials).WithMessage("url must not contain a user name or password.");

        RuleFor(c => c.Events)
            .Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("events is required: a list of event types.")
            .Must(e => e!.Count > 0).WithMessage("events must name at least one event type.")
            .Must(e => e!.All(name => !string.IsNullOrWhiteSpace(name))).WithMessage("events must not contain empty names.")
            .Must(e => Unknown(e!).Count == 0)
            .WithMessage(c => $"Unknown event type(s): {string.Join(", ", Unknown(c.Events!))}. Known: {string.Join(", ", WebhookEventTypes.All)}.");

        RuleFor(c => c.Secret)
            .Must(s => s is null || (s.Length is >= 8 and <= 256 && !s.Any(char.IsWhiteSpace)))
            .WithMessage("secret must be 8 to 256 characters without spaces (or omitted to have one generated).");

        RuleFor(c => c.AuthHeader)
            .Must(h => h is null || (h.Length is > 0 and <= MaxAuthHeaderLength && !h.Any(char.IsControl)))
            .WithMessage($"auth_header must be 1 to {MaxAuthHeaderLength} characters without control characters.");
    }

    private static bool BeHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Length > 0;

    private static bool HaveNoCredentials(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length == 0;

    private static List<string> Unknown(IReadOnlyList<string> events) =>
        events.Where(e => !WebhookEventTypes.All.Contains(e, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
}
