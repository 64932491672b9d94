using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;

namespace LlmPlatform.Application.Jobs.FineTuning;

/// <summary>The request's shape: the files and the model are named, the suffix fits, the hyperparameters are in bounds.</summary>
internal sealed class CreateFineTuningJobCommandValidator : AbstractValidator<CreateFineTuningJobCommand>
{
    public const int MaxSuffixLength = 64;

    public CreateFineTuningJobCommandValidator()
    {
        RuleFor(c => c.TrainingFile).NotEmpty().WithMessage("'training_file' is required: the id of a file uploaded with purpose 'fine-tune'.");
        RuleFor(c => c.Model).NotEmpty().WithMessage("'model' is required: the model to fine-tune.");
        RuleFor(c => c.ValidationFile).NotEmpty().When(c => c.ValidationFile is not null)
            .WithMessage("'validation_file' must be a file id when given.");
        RuleFor(c => c.Suffix).MaximumLength(MaxSuffixLength).WithMessage($"'suffix' must be at most {MaxSuffixLength} characters.");
        RuleFor(c => c.Seed).InclusiveBetween(0, int.MaxValue).When(c => c.Seed is not null)
            .WithMessage($"'seed' must be an integer from 0 to {int.MaxValue}.");
        RuleFor(c => c.Metadata).Must(m => m is null || m.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null)
            .WithMessage("'metadata' must be an object of string values.");
        RuleFor(c => c.Hyperparameters).Custom((hyperparameters, context) =>
        {
            if (hyperparameters is { } value && FineTuningHyperparameters.Problem(value) is { } problem)
            {
                context.AddFailure(new ValidationFailure(problem.Field == "Hyperparameters" ? "Hyperparameters" : ToPascal(problem.Field), problem.Message));
            }
        });
    }

    private static string ToPascal(string snake) =>
        string.Concat(snake.Split('_').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
