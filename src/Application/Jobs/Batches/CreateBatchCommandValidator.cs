using FluentValidation;

namespace LlmPlatform.Application.Jobs.Batches;

/// <summary>The shape of a batch request: a file id, a supported endpoint, the 24h window, OpenAI's metadata bounds.</summary>
internal sealed class CreateBatchCommandValidator : AbstractValidator<CreateBatchCommand>
{
    public CreateBatchCommandValidator()
    {
        RuleFor(c => c.InputFileId).NotEmpty().WithMessage("'input_file_id' is required.");
        RuleFor(c => c.Endpoint).Must(BatchEndpoints.IsSupported)
            .WithMessage("'endpoint' must be one of " + string.Join(", ", BatchEndpoints.All) + ".");
        RuleFor(c => c.CompletionWindow).Equal("24h").WithMessage("'completion_window' must be \"24h\".");
        RuleFor(c => c.Metadata)
            .Must(m => m is null || (m.Count <= 16 && m.All(p => p.Key.Length <= 64 && p.Value is { Length: <= 512 })))
            .WithMessage("'metadata' holds at most 16 string pairs, keys up to 64 and values up to 512 characters.");
    }
}
