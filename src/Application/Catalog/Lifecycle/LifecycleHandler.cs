using LlmPlatform.Application.Access;
using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Domain.Common;
using MediatR;

namespace LlmPlatform.Application.Catalog.Lifecycle;

/// <summary>
/// Model lifecycle of the gateway-user dialect over the catalogue: every caller reads the models it may use; only
/// admins load and unload, since an unloaded model refuses everyone's calls.
/// </summary>
internal sealed class LifecycleHandler :
    IRequestHandler<ListProvidersQuery, Result<ProviderList>>,
    IRequestHandler<GetModelStatusQuery, Result<ModelRuntimeStatus>>,
    IRequestHandler<LoadModelCommand, Result<ModelRuntimeStatus>>,
    IRequestHandler<UnloadModelCommand, Result<ModelRuntimeStatus>>,
    IRequestHandler<ListLoadedModelsQuery, Result<LoadedModelList>>,
    IRequestHandler<GetModelSchemaQuery, Result<ModelSchema>>
{
    private static readonly IReadOnlyList<string> TextOnly = ["text"];

    private readonly IModelCatalog _catalog;
    private readonly IModelRuntimeState _runtime;
    private readonly IAccessChangeNotifier _changes;
    private readonly TimeProvider _time;

    public LifecycleHandler(IModelCatalog catalog, IModelRuntimeState runtime, IAccessChangeNotifier changes, TimeProvider time)
    {
        _catalog = catalog;
        _runtime = runtime;
        _changes = changes;
        _time = time;
    }

    public Task<Result<ProviderList>> Handle(ListProvidersQuery request, CancellationToken cancellationToken)
    {
        var providers = _catalog.AllDeployments
            .Where(d => request.Caller.MayUseModel(d.ModelName))
            .GroupBy(d => d.Provider, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ProviderView(g.Key, true, TextOnly, g.Select(d => d.ModelName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()))
            .ToList();
        return Task.FromResult(Result<ProviderList>.Success(new ProviderList(providers)));
    }

    public Task<Result<ModelRuntimeStatus>> Handle(GetModelStatusQuery request, CancellationToken cancellationToken) =>
        Task.FromResult(Resolve(request.ModelId, request.Caller).Map(Status));

    public Task<Result<ModelRuntimeStatus>> Handle(LoadModelCommand request, CancellationToken cancellationToken) =>
        ChangeAsync(request.ModelId, request.Caller, "load models", loaded: true, cancellationToken);

    public Task<Result<ModelRuntimeStatus>> Handle(UnloadModelCommand request, CancellationToken cancellationToken) =>
        ChangeAsync(request.ModelId, request.Caller, "unload models", loaded: false, cancellationToken);

    public Task<Result<LoadedModelList>> Handle(ListLoadedModelsQuery request, CancellationToken cancellationToken)
    {
        var loaded = _catalog.ModelGroups
            .Where(request.Caller.MayUseModel)
            .Select(group => (group, runtime: _runtime.Of(group)))
            .Where(m => m.runtime.Loaded)
            .Select(m => new LoadedModelInfo(m.group, m.runtime.Since, m.runtime.Since, false, 0, false, 0))
            .ToList();
        return Task.FromResult(Result<LoadedModelList>.Success(new LoadedModelList(loaded)));
    }

    public Task<Result<ModelSchema>> Handle(GetModelSchemaQuery request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Model))
        {
            return Task.FromResult(Result<ModelSchema>.Failure(Error.Missing("model")));
        }

        var resolved = Resolve(request.Model, request.Caller);
        if (!resolved.IsSuccess)
        {
            return Task.FromResult(Result<ModelSchema>.Failure(resolved.Error!));
        }

        _catalog.TryResolve(resolved.Value, out _, out var deployments);
        var input = new Dictionary<string, SchemaField>(StringComparer.Ordinal)
        {
            ["prompt"] = new("string", true, "The text the model answers."),
        };
        var parameters = new Dictionary<string, SchemaField>(StringComparer.Ordinal)
        {
            ["temperature"] = new("number", false, "Sampling temperature.", 0, 2),
            ["max_tokens"] = new("integer", false, "The longest answer, in tokens.", 1),
            ["top_p"] = new("number", false, "Nucleus sampling mass.", 0, 1),
            ["stop"] = new("array", false, "Sequences that end the answer."),
        };
        var provider = deployments.Count > 0 ? deployments[0].Provider : string.Empty;
        return Task.FromResult(Result<ModelSchema>.Success(new ModelSchema(resolved.Value, "text", provider, input, parameters)));
    }

    private Result<string> Resolve(string model, CallerIdentity caller)
    {
        if (!_catalog.TryResolve(model, out var group, out _) || !caller.MayUseModel(group))
        {
            return LifecycleErrors.ModelNotFound(model);
        }

        return group;
    }

    private async Task<Result<ModelRuntimeStatus>> ChangeAsync(string model, CallerIdentity caller, string what, bool loaded, CancellationToken cancellationToken)
    {
        var resolved = Resolve(model, caller);
        if (!resolved.IsSuccess)
        {
            return resolved.Error!;
        }

        if (!caller.IsAdmin)
        {
            return AdminErrors.NotAllowed(what);
        }

        var group = resolved.Value;
        var before = _runtime.Of(group);
        var after = await _runtime.SetAsync(group, loaded, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (after != before)
        {
            await _changes.ModelRuntimeChangedAsync(group, after, CancellationToken.None).ConfigureAwait(false);
        }

        return Status(group);
    }

    private ModelRuntimeStatus Status(string group) => new(group, _runtime.Of(group).Loaded ? "loaded" : "unloaded", 0);
}
