using FluentValidation;

namespace LlmPlatform.Application.Jobs.Saas;

internal sealed class RunSaasJobCallCommandValidator : AbstractValidator<RunSaasJobCallCommand>
{
    public RunSaasJobCallCommandValidator()
    {
        RuleFor(c => c.Request.Messages).NotEmpty().OverridePropertyName("messages");
        RuleFor(c => c.Purpose).MaximumLength(200).OverridePropertyName("purpose");
        RuleFor(c => c.CallMetadata).Must(SaasJobRules.FitsMetadata).OverridePropertyName("call_metadata").WithMessage("'call_metadata' must be at most 10 KB of JSON.");
    }
}
