using FluentValidation;

namespace LlmPlatform.Application.Gateway.Rerank;

/// <summary>The request's shape; which model the caller may use is the handler's business.</summary>
internal sealed class RerankCommandValidator : AbstractValidator<RerankCommand>
{
    public RerankCommandValidator()
    {
        RuleFor(c => c.Request.Model)
            .NotEmpty().WithMessage("'model' is required.").OverridePropertyName("model");
        RuleFor(c => c.Request.Query)
            .NotEmpty().WithMessage("'query' is required.").OverridePropertyName("query");
        RuleFor(c => c.Request.Documents)
            .Must(d => RerankDocuments.Texts(d) is not null)
            .WithMessage("'documents' must be a non-empty array of strings or of {\"text\": ...} objects.")
            .OverridePropertyName("documents");
        RuleFor(c => c.Request.TopN).Positive("top_n");
    }
}
