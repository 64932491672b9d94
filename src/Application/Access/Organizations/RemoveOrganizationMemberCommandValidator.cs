using FluentValidation;

namespace LlmPlatform.Application.Access.Organizations;

/// <summary>The request names its organization.</summary>
internal sealed class RemoveOrganizationMemberCommandValidator : AbstractValidator<RemoveOrganizationMemberCommand>
{
    public RemoveOrganizationMemberCommandValidator()
    {
        RuleFor(c => c.OrganizationId).NotEmpty().WithMessage("'organization_id' is required.").OverridePropertyName("organization_id");
        RuleFor(c => c.UserId).NotEmpty().WithMessage("'user_id' is required.").OverridePropertyName("user_id");
    }
}
