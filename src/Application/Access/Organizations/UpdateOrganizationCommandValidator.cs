using FluentValidation;

namespace LlmPlatform.Application.Access.Organizations;

/// <summary>The request names its organization.</summary>
internal sealed class UpdateOrganizationCommandValidator : AbstractValidator<UpdateOrganizationCommand>
{
    public UpdateOrganizationCommandValidator()
    {
        RuleFor(c => c.Fields.OrganizationId).NotEmpty().WithMessage("'organization_id' is required.").OverridePropertyName("organization_id");
    }
}
