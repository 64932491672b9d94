using FluentValidation;

namespace LlmPlatform.Application.Access.AccessGroups;

/// <summary>A delete names its group.</summary>
internal sealed class DeleteAccessGroupCommandValidator : AbstractValidator<DeleteAccessGroupCommand>
{
    public DeleteAccessGroupCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("'access_group' (or 'name') is required.").OverridePropertyName("access_group");
    }
}
