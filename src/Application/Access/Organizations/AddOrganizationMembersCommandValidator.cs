using FluentValidation;

namespace LlmPlatform.Application.Access.Organizations;

/// <summary>The request names its organization.</summary>
internal sealed class AddOrganizationMembersCommandValidator : AbstractValidator<AddOrganizationMembersCommand>
{
    public AddOrganizationMembersCommandValidator()
    {
        RuleFor(c => c.OrganizationId).NotEmpty().WithMessage("'organization_id' is required.").OverridePropertyName("organization_id");
        RuleFor(c => c.Members).NotEmpty().WithMessage("'member' is required.").OverridePropertyName("member");
        RuleForEach(c => c.Members)
            .Must(m => !string.IsNullOrEmpty(m.UserId))
            .WithMessage("Each member needs a 'user_id'.").OverridePropertyName("member");
        RuleForEach(c => c.Members)
            .Must(m => m.Role is null or "org_admin" or "internal_user" or "internal_user_viewer")
            .WithMessage("A member's 'role' must be org_admin, internal_user or internal_user_viewer.").OverridePropertyName("member");
    }
}
