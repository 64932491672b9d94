using System.Text.Json;
using System.Text.Json.Nodes;
using LlmPlatform.Application.Catalog;
using LlmPlatform.Domain.Common;
using LlmPlatform.Infrastructure.Catalog;
using LlmPlatform.Infrastructure.Security;
using Microsoft.Extensions.Logging;

namespace LlmPlatform.Infrastructure.RuntimeConfig;

/// <summary>Deployments added through the API: validated like the file's, secrets encrypted, effective on every node after a change.</summary>
internal sealed partial class ModelStore : IModelStore
{
    private readonly RuntimeConfiguration _runtime;
    private readonly RuntimeModelCatalog _catalog;
    private readonly RuntimeConfigRepository _repository;
    private readonly CredentialCipher _cipher;
    private readonly ILogger<ModelStore> _logger;

    public ModelStore(RuntimeConfiguration runtime, RuntimeModelCatalog catalog, RuntimeConfigRepository repository, CredentialCipher cipher, ILogger<ModelStore> logger)
    {
        _runtime = runtime;
        _catalog = catalog;
        _repository = repository;
        _cipher = cipher;
        _logger = logger;
    }

    public IReadOnlyList<CatalogEntry> Entries => _catalog.Snapshot.Entries;

    public async Task<Result<CatalogEntry>> AddAsync(JsonElement entry, CancellationToken cancellationToken)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            return NotAnObject;
        }

        var model = (JsonObject)JsonNode.Parse(entry.GetRawText())!;
        if (model["model_info"] is null)
        {
            model["model_info"] = new JsonObject();
        }

        if (model["model_info"] is not JsonObject info)
        {
            return Error.Validation("'model_info' must be an object.", "model_info");
        }

        string id;
        if (info["id"] is null)
        {
            id = Guid.NewGuid().ToString();
            info["id"] = id;
        }
        else if (info["id"] is JsonValue idValue && idValue.TryGetValue<string>(out var given) && !string.IsNullOrWhiteSpace(given))
        {
            id = given;
        }
        else
        {
            return Error.Validation("'model_info.id' must be a non-empty string.", "model_info.id");
        }

        if (Entries.Any(e => e.Deployment.Id == id))
        {
            return Error.Conflict($"A model with the id '{id}' already exists.");
        }

        return await SaveAsync(model, id, insert: true, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Result<CatalogEntry>> UpdateAsync(string id, JsonElement changes, CancellationToken cancellationToken)
    {
        if (changes.ValueKind != JsonValueKind.Object)
        {
            return NotAnObject;
        }

        var stored = _runtime.State.Models.FirstOrDefault(m => m.Id == id);
        if (stored is null)
        {
            return CatalogErrors.NotFound(id);
        }

        var merged = (JsonObject)stored.Entry.DeepClone();
        foreach (var property in changes.EnumerateObject())
        {
            switch (property.Name)
            {
                case "model_name":
                    merged["model_name"] = JsonNode.Parse(property.Value.GetRawText());
                    break;
                case "litellm_params":
                case "model_info":
                    merged[property.Name] = property.Value.ValueKind == JsonValueKind.Object
                        ? JsonMerge.Apply(ModelEntries.ObjectAt(merged, property.Name), property.Value)
                        : JsonNode.Parse(property.Value.GetRawText());
                    break;
                default:
                    break;
            }
        }

        if (merged["model_info"] is JsonObject info)
        {
            info["id"] = id;
        }

        return await SaveAsync(merged, id, insert: false, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Result<Unit>> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        if (!await _repository.DeleteModelAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return CatalogErrors.NotFound(id);
        }

        await _runtime.ChangedAsync(cancellationToken).ConfigureAwait(false);
        return Unit.Value;
    }

    private static Error NotAnObject => Error.Validation("The body must be a JSON object with model_name, litellm_params and model_info.");

    private async Task<Result<CatalogEntry>> SaveAsync(JsonObject model, string id, bool insert, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        var parsed = ModelEntries.Parse(model, id, warnings);
        if (!parsed.IsSuccess)
        {
            return parsed.Error!;
        }

        foreach (var warning in warnings)
        {
            LogModelWarning(_logger, id, warning);
        }

        var (visible, secrets) = ModelEntries.Split(ModelEntries.ObjectAt(model, "litellm_params"));
        if (secrets.Count > 0 && !_cipher.IsConfigured)
        {
            return Error.Validation(
                "litellm_params." + secrets.Keys.First() + " cannot be stored: no encryption key is configured. Set general_settings.encryption_key or LLMPLATFORM_ENCRYPTION_KEY, or name a credential with litellm_credential_name.",
                "litellm_params." + secrets.Keys.First());
        }

        var sealedSecrets = new JsonObject();
        foreach (var (field, value) in secrets)
        {
            sealedSecrets[field] = _cipher.Encrypt(value, StorageContexts.Model(id, field));
        }

        var row = new ModelRow(id, parsed.Value.ModelName, visible.ToJsonString(), sealedSecrets.ToJsonString(), ModelEntries.ObjectAt(model, "model_info").ToJsonString());
        var written = insert
            ? await _repository.InsertModelAsync(row, cancellationToken).ConfigureAwait(false)
            : await _repository.UpdateModelAsync(row, cancellationToken).ConfigureAwait(false);
        if (!written)
        {
            return insert ? Error.Conflict($"A model with the id '{id}' already exists.") : CatalogErrors.NotFound(id);
        }

        await _runtime.ChangedAsync(cancellationToken).ConfigureAwait(false);
        return Entries.FirstOrDefault(e => e.Deployment.Id == id) is { } entry
            ? entry
            : new CatalogEntry(parsed.Value, true, ModelEntries.ToElement(visible), ModelEntries.ToElement(ModelEntries.ObjectAt(model, "model_info")));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model {Id}: {Warning}")]
    private static partial void LogModelWarning(ILogger logger, string id, string warning);
}
