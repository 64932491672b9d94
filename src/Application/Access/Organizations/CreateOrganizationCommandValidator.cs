using FluentValidation;

namespace LlmPlatform.Application.Access.Organizations;

/// <summary>An organization needs a name.</summary>
internal sealed class CreateOrganizationCommandValidator : AbstractValidator<CreateOrganizationCommand>
{
    public CreateOrganizationCommandValidator()
    {
        RuleFor(c => c.Fields.OrganizationAlias).NotEmpty().WithMessage("'organization_alias' is required.").OverridePropertyName("organization_alias");
    }
}
