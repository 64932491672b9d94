using FluentValidation;

namespace LlmPlatform.Application.Jobs.Saas;

internal sealed class CreateSaasJobCommandValidator : AbstractValidator<CreateSaasJobCommand>
{
    public CreateSaasJobCommandValidator()
    {
        RuleFor(c => c.TeamId).NotEmpty().OverridePropertyName("team_id");
        RuleFor(c => c.JobType).NotEmpty().MaximumLength(100).OverridePropertyName("job_type");
        RuleFor(c => c.UserId).MaximumLength(255).OverridePropertyName("user_id");
        RuleFor(c => c.Metadata).Must(SaasJobRules.FitsMetadata).When(c => c.Metadata is not null)
            .OverridePropertyName("metadata").WithMessage(SaasJobRules.MetadataTooLarge);
    }
}
