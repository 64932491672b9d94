using System.Text;

namespace LlmPlatform.Api.Controllers.Saas;

/// <summary>The body of <c>POST /api/model-aliases/create</c> (also <c>/api/models/create</c>).</summary>
public sealed record CreateModelAliasRequest
{
    /// <summary>The name clients call the model by, e.g. <c>chat-fast</c>. Required.</summary>
    public string? ModelAlias { get; init; }

    /// <summary>Required.</summary>
    public string? DisplayName { get; init; }

    /// <summary>The provider serving it, e.g. <c>openai</c>. Required.</summary>
    public string? Provider { get; init; }

    /// <summary>The provider's model name, e.g. <c>gpt-4o-mini</c>. Required.</summary>
    public string? ActualModel { get; init; }

    /// <summary>The access groups that grant the alias; each must exist.</summary>
    public List<string>? AccessGroups { get; init; }

    public string? Description { get; init; }

    /// <summary>USD per million input tokens.</summary>
    public decimal? PricingInput { get; init; }

    /// <summary>USD per million output tokens.</summary>
    public decimal? PricingOutput { get; init; }

    /// <summary>A stored credential to call the provider with.</summary>
    public string? CredentialName { get; init; }

    /// <summary>The provider key; stored encrypted, never shown again.</summary>
    public string? ApiKey { get; init; }

    public string? ApiBase { get; init; }

    /// <summary>Keeps the provider key out of anything that prints the request.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("ModelAlias = ").Append(ModelAlias).Append(", Provider = ").Append(Provider).Append(", ActualModel = ").Append(ActualModel)
            .Append(", AccessGroups = [").AppendJoin(", ", AccessGroups ?? []).Append("], ApiKey = ").Append(ApiKey is null ? "null" : "***");
        return true;
    }
}
