using FluentValidation;

namespace LlmPlatform.Application.Jobs.Files;

/// <summary>A page holds 1 to 10,000 files (OpenAI's bounds).</summary>
internal sealed class ListFilesQueryValidator : AbstractValidator<ListFilesQuery>
{
    public ListFilesQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, 10_000).When(q => q.Limit is not null)
            .WithMessage("'limit' must be between 1 and 10000.");
    }
}
