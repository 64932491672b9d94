using System.Text.Json;
using LlmPlatform.Application.Catalog;
using LlmPlatform.Application.Common.Authorization;
using LlmPlatform.Application.Configuration;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Operations.Routing.UpdateRouterSettings;

internal sealed class UpdateRouterSettingsCommandHandler : IRequestHandler<UpdateRouterSettingsCommand, Result<RouterSettingsView>>
{
    private readonly IRouterSettingsStore _store;
    private readonly IModelCatalog _catalog;

    public UpdateRouterSettingsCommandHandler(IRouterSettingsStore store, IModelCatalog catalog)
    {
        _store = store;
        _catalog = catalog;
    }

    public async Task<Result<RouterSettingsView>> Handle(UpdateRouterSettingsCommand command, CancellationToken cancellationToken)
    {
        if (AdminGuard.MayWrite(command.Caller) is { } forbidden)
        {
            return forbidden;
        }

        if (command.Changes.ValueKind != JsonValueKind.Object)
        {
            return Error.Validation("The body must be a JSON object of router settings.");
        }

        var preview = _store.Preview(command.Changes);
        if (!preview.IsSuccess)
        {
            return preview.Error!;
        }

        if (UnknownGroup(preview.Value, command.Changes) is { } unknown)
        {
            return unknown;
        }

        var saved = await _store.SaveAsync(command.Changes, cancellationToken).ConfigureAwait(false);
        return saved.Map(RouterSettingsView.Of);
    }

    /// <summary>Every fallback and alias being changed must name a model group that exists (or an alias of one).</summary>
    private Error? UnknownGroup(RouterSettings settings, JsonElement changes)
    {
        var groups = new HashSet<string>(_catalog.ModelGroups, StringComparer.Ordinal);
        var aliases = settings.ModelGroupAlias;
        bool Known(string name) => groups.Contains(name) || (aliases.TryGetValue(name, out var target) && groups.Contains(target));

        foreach (var (field, fallbacks) in new[]
        {
            ("fallbacks", settings.Fallbacks),
            ("context_window_fallbacks", settings.ContextWindowFallbacks),
            ("content_policy_fallbacks", settings.ContentPolicyFallbacks),
        })
        {
            if (!changes.TryGetProperty(field, out _))
            {
                continue;
            }

            foreach (var (group, targets) in fallbacks)
            {
                if (targets.FirstOrDefault(t => !Known(t)) is { } missing)
                {
                    return Error.Validation($"{field}: '{group}' falls back to '{missing}', which is not a model group on this gateway.", field);
                }
            }
        }

        foreach (var (alias, target) in changes.TryGetProperty("model_group_alias", out _) ? aliases : new Dictionary<string, string>())
        {
            if (!groups.Contains(target))
            {
                return Error.Validation($"model_group_alias: '{alias}' points to '{target}', which is not a model group on this gateway.", "model_group_alias");
            }
        }

        return null;
    }
}
