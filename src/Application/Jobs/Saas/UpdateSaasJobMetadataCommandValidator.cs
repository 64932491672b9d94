using FluentValidation;

namespace LlmPlatform.Application.Jobs.Saas;

internal sealed class UpdateSaasJobMetadataCommandValidator : AbstractValidator<UpdateSaasJobMetadataCommand>
{
    public UpdateSaasJobMetadataCommandValidator()
    {
        RuleFor(c => c.Metadata).NotNull().OverridePropertyName("metadata");
        RuleFor(c => c.Metadata).Must(SaasJobRules.FitsMetadata).OverridePropertyName("metadata").WithMessage(SaasJobRules.MetadataTooLarge);
    }
}
