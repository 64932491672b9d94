using FluentValidation;

namespace LlmPlatform.Application.Access.Organizations;

/// <summary>A delete names at least one organization.</summary>
internal sealed class DeleteOrganizationsCommandValidator : AbstractValidator<DeleteOrganizationsCommand>
{
    public DeleteOrganizationsCommandValidator()
    {
        RuleFor(c => c.OrganizationIds).NotEmpty().WithMessage("'organization_ids' must be a non-empty list.").OverridePropertyName("organization_ids");
    }
}
