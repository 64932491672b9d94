using FluentValidation;

namespace LlmPlatform.Application.Access.AccessGroups;

/// <summary>A group has a name and at least one model.</summary>
internal sealed class SaveAccessGroupCommandValidator : AbstractValidator<SaveAccessGroupCommand>
{
    public SaveAccessGroupCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("'access_group' (or 'name') is required.").OverridePropertyName("access_group");
        RuleFor(c => c.Models).NotEmpty().WithMessage("'models' must be a non-empty list.").OverridePropertyName("models");
        RuleForEach(c => c.Models).NotEmpty().WithMessage("'models' cannot hold empty names.").OverridePropertyName("models");
    }
}
