using FluentValidation;

namespace LlmPlatform.Application.Jobs.Batches;

/// <summary>A page holds 1 to 100 batches (OpenAI's bounds).</summary>
internal sealed class ListBatchesQueryValidator : AbstractValidator<ListBatchesQuery>
{
    public ListBatchesQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, 100).When(q => q.Limit is not null)
            .WithMessage("'limit' must be between 1 and 100.");
    }
}
