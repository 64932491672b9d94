using FluentValidation;

namespace LlmPlatform.Application.Jobs.Saas;

internal sealed class CompleteSaasJobCommandValidator : AbstractValidator<CompleteSaasJobCommand>
{
    public CompleteSaasJobCommandValidator()
    {
        RuleFor(c => c.Status).NotEmpty().OverridePropertyName("status");
        RuleFor(c => c.Status).Must(s => SaasJobStatus.IsFinal(s!)).When(c => !string.IsNullOrEmpty(c.Status))
            .OverridePropertyName("status").WithMessage("'status' must be 'completed' or 'failed'.");
        RuleFor(c => c.ErrorMessage).MaximumLength(10_000).OverridePropertyName("error_message");
        RuleFor(c => c.Metadata).Must(SaasJobRules.FitsMetadata).OverridePropertyName("metadata").WithMessage(SaasJobRules.MetadataTooLarge);
    }
}
