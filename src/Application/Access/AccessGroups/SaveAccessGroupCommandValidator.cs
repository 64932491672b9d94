using FluentValidation;

namespace LlmPlatform.Application.Access.AccessGroups;

/// <summary>A group has a name and at least one model, unless it is described by details; a status is active or inactive.</summary>
internal sealed class SaveAccessGroupCommandValidator : AbstractValidator<SaveAccessGroupCommand>
{
    public SaveAccessGroupCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("'access_group' (or 'name') is required.").OverridePropertyName("access_group");
        RuleFor(c => c.Models).NotEmpty().When(c => c.Details is null).WithMessage("'models' must be a non-empty list.").OverridePropertyName("models");
        RuleForEach(c => c.Models).NotEmpty().WithMessage("'models' cannot hold empty names.").OverridePropertyName("models");
        RuleFor(c => c.Details!.Status)
            .Must(s => s is null or AccessGroupDetails.Active or AccessGroupDetails.Inactive)
            .When(c => c.Details is not null)
            .WithMessage($"'status' must be '{AccessGroupDetails.Active}' or '{AccessGroupDetails.Inactive}'.")
            .OverridePropertyName("status");
    }
}
