using System.Globalization;
using System.Text.Json;
using LlmPlatform.Application.Access.AccessGroups;
using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Access.Teams;
using LlmPlatform.Application.Catalog;
using LlmPlatform.Application.Catalog.GetModelInfo;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Api.Controllers.Saas;

/// <summary>
/// What the SaaS dialect reads to show aliases and access groups, as the caller may see it: the deployments (an alias
/// is a model name), the stored access groups, and the teams. A group's models are those it lists plus the deployments
/// that name it in <c>model_info.access_groups</c>; a team uses a group or an alias when its models list the name.
/// </summary>
internal sealed class SaasCatalog
{
    /// <summary>The dialect prices per million tokens; the catalog per token.</summary>
    public const decimal PerMillion = 1_000_000m;

    private readonly IReadOnlyList<ModelInfoView> _deployments;
    private readonly IReadOnlyList<AccessGroupInfo> _groups;
    private readonly IReadOnlyList<TeamInfo> _teams;

    private SaasCatalog(IReadOnlyList<ModelInfoView> deployments, IReadOnlyList<AccessGroupInfo> groups, IReadOnlyList<TeamInfo> teams)
    {
        _deployments = deployments;
        _groups = groups;
        _teams = teams;
    }

    /// <summary>Reads what the caller may see; groups and teams it may not read count as none.</summary>
    public static async Task<Result<SaasCatalog>> ReadAsync(IMediator mediator, CallerIdentity caller, CancellationToken cancellationToken)
    {
        var deployments = await mediator.Send(new GetModelInfoQuery(caller, null), cancellationToken);
        if (!deployments.IsSuccess)
        {
            return deployments.Error!;
        }

        var groups = await mediator.Send(new GetAccessGroupQuery(null, caller), cancellationToken);
        var teams = await mediator.Send(new ListTeamsQuery(null, caller), cancellationToken);
        return new SaasCatalog(deployments.Value.Data, groups.IsSuccess ? groups.Value : [], teams.IsSuccess ? teams.Value : []);
    }

    /// <summary>The deployment serving the alias (the one whose id is the alias, if several serve it), or null.</summary>
    public ModelInfoView? Find(string alias) =>
        _deployments.Where(d => d.ModelName == alias).OrderBy(d => Text(d.ModelInfo, "id") == alias ? 0 : 1).FirstOrDefault();

    /// <summary>The first of the aliases no deployment serves, or null.</summary>
    public string? FirstUnknown(IEnumerable<string> aliases) => aliases.FirstOrDefault(a => Find(a) is null);

    public IReadOnlyList<ModelAliasSummary> AliasesOf(AccessGroupInfo group) =>
        group.Models.Concat(_deployments.Where(d => GroupsNamedBy(d).Contains(group.AccessGroup)).Select(d => d.ModelName))
            .Distinct(StringComparer.Ordinal)
            .Select(Find)
            .OfType<ModelInfoView>()
            .Select(Summary)
            .ToList();

    /// <summary>The groups of an alias: those listing it, and those its deployment names.</summary>
    public IReadOnlyList<string> GroupsOf(ModelInfoView deployment) =>
        GroupsNamedBy(deployment).Concat(_groups.Where(g => g.Models.Contains(deployment.ModelName)).Select(g => g.AccessGroup))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>The deployments whose <c>model_info.access_groups</c> name the group.</summary>
    public IEnumerable<ModelInfoView> DeploymentsNaming(string group) => _deployments.Where(d => GroupsNamedBy(d).Contains(group));

    /// <summary>The ids of the teams whose models name one of <paramref name="names"/>; null when none does.</summary>
    public IReadOnlyList<string>? TeamsUsing(IEnumerable<string> names)
    {
        var set = names.ToHashSet(StringComparer.Ordinal);
        var teams = _teams.Where(t => t.Models.Any(set.Contains)).Select(t => t.TeamId).ToList();
        return teams.Count == 0 ? null : teams;
    }

    public static ModelAliasSummary Summary(ModelInfoView deployment)
    {
        var (provider, model) = ProviderAndModel(deployment);
        return new ModelAliasSummary
        {
            ModelAlias = deployment.ModelName,
            DisplayName = DisplayName(deployment),
            Provider = provider,
            ActualModel = model,
        };
    }

    public static (string Provider, string Model) ProviderAndModel(ModelInfoView deployment)
    {
        var model = Text(deployment.LitellmParams, "model") ?? string.Empty;
        var slash = model.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (Text(deployment.ModelInfo, "litellm_provider") ?? string.Empty, model) : (model[..slash], model[(slash + 1)..]);
    }

    public static string DisplayName(ModelInfoView deployment) => Text(deployment.ModelInfo, "display_name") ?? deployment.ModelName;

    public static string? Text(IReadOnlyDictionary<string, object?> values, string key) => values.GetValueOrDefault(key) switch
    {
        string text => text,
        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
        _ => null,
    };

    /// <summary>A per-token price as USD per million tokens.</summary>
    public static decimal? PerMillionTokens(IReadOnlyDictionary<string, object?> values, string key) => values.GetValueOrDefault(key) switch
    {
        decimal price => price * PerMillion,
        JsonElement { ValueKind: JsonValueKind.Number } element when element.TryGetDecimal(out var price) => price * PerMillion,
        _ => null,
    };

    /// <summary>A time the dialect stored in <c>model_info</c>, or null (a deployment of the configuration file has none).</summary>
    public static DateTime? Time(IReadOnlyDictionary<string, object?> values, string key) =>
        DateTimeOffset.TryParse(Text(values, key), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time.UtcDateTime : null;

    /// <summary>The groups a deployment names itself (<c>model_info.access_groups</c>).</summary>
    public static IReadOnlyList<string> GroupsNamedBy(ModelInfoView deployment) => deployment.ModelInfo.GetValueOrDefault("access_groups") switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } list => list.EnumerateArray()
            .Where(e => e.ValueKind == JsonValueKind.String)
            .Select(e => e.GetString()!)
            .ToList(),
        IEnumerable<string> names => names.ToList(),
        _ => [],
    };
}
