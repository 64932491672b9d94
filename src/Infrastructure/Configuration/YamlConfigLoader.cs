using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LlmPlatform.Application.Configuration;
using LlmPlatform.Application.Jobs.Files;
using LlmPlatform.Domain.Access;
using LlmPlatform.Domain.Catalog;
using LlmPlatform.Domain.Common;
using LlmPlatform.Infrastructure.Providers.Bedrock;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LlmPlatform.Infrastructure.Configuration;

/// <summary>
/// Reads a LiteLLM-compatible <c>config.yaml</c>. An unknown key is a warning; a wrong value throws a
/// <see cref="ConfigurationException"/> naming the file, the line and the key.
/// </summary>
public static class YamlConfigLoader
{
    private static readonly HashSet<string> TopLevelKeys = new(StringComparer.Ordinal)
    {
        "model_list", "router_settings", "litellm_settings", "general_settings", "environment_variables",
        "credential_list", "include",
    };

    private static readonly HashSet<string> EntryKeys = new(StringComparer.Ordinal)
    {
        "model_name", "litellm_params", "params", "model_info",
    };

    private static readonly HashSet<string> ParamKeys = new(StringComparer.Ordinal)
    {
        "model", "api_base", "base_url", "api_key", "api_version", "rpm", "tpm", "timeout", "stream_timeout",
        "max_retries", "weight", "aws_region_name", "aws_access_key_id", "aws_secret_access_key", "aws_session_token",
        "litellm_credential_name", "organization", "input_cost_per_token", "output_cost_per_token",
        "mock_response", "mock_latency", "mock_time_to_first_token", "mock_tokens_per_second", "use_provider_batch_api", "allow_user_provider_keys",
        "drop_params", "max_tokens", "temperature", "region_name", "vertex_project", "vertex_location",
        "use_in_pass_through", "merge_reasoning_content_in_choices", "tags",
    };

    private static readonly HashSet<string> InfoKeys = new(StringComparer.Ordinal)
    {
        "id", "input_cost_per_token", "output_cost_per_token", "max_tokens", "max_input_tokens", "max_output_tokens",
        "mode", "base_model", "description", "supports_function_calling", "supports_vision", "supports_response_schema",
        "supports_system_messages", "supports_tool_choice", "access_groups", "db_model", "team_id", "tier",
        "display_name", "created_at", "updated_at",
    };

    private static readonly HashSet<string> RouterKeys = new(StringComparer.Ordinal)
    {
        "routing_strategy", "num_retries", "timeout", "stream_timeout", "retry_after", "allowed_fails", "cooldown_time",
        "fallbacks", "context_window_fallbacks", "content_policy_fallbacks", "model_group_alias", "redis_host",
        "redis_port", "redis_password", "redis_url", "enable_pre_call_checks", "routing_strategy_args",
        "default_fallbacks", "disable_cooldowns", "retry_policy", "allowed_fails_policy", "provider_budget_config",
    };

    private static readonly HashSet<string> LitellmKeys = new(StringComparer.Ordinal)
    {
        "drop_params", "num_retries", "request_timeout", "cache", "cache_params", "callbacks", "success_callback",
        "failure_callback", "set_verbose", "json_logs", "telemetry", "modify_params", "max_budget", "budget_duration",
        "default_fallbacks", "context_window_fallbacks", "content_policy_fallbacks", "turn_off_message_logging",
        "redact_user_api_key_info", "service_callback", "default_team_settings", "max_internal_user_budget",
        "internal_user_budget_duration",
    };

    private static readonly HashSet<string> GeneralKeys = new(StringComparer.Ordinal)
    {
        "master_key", "database_url", "redis_url", "max_request_size_mb", "drain_timeout", "store_prompts_in_spend_logs",
        "store_prompts", "encryption_key", "salt_key", "alerting", "alerting_threshold", "proxy_batch_write_at",
        "database_connection_pool_limit", "disable_spend_logs", "allow_requests_on_db_unavailable",
        "background_health_checks", "health_check_interval", "ledger_memory_capacity", "ledger_spill_dir", "disable_master_key_return", "webhook_allowed_hosts", "trusted_proxies",
        "files_storage_path", "files_max_bytes", "batch_max_concurrency",
        "fine_tuning_poll_seconds", "invite_required", "login_max_failures_per_email", "login_max_failures_per_ip",
        "login_lockout_seconds", "register_max_per_ip",
    };

    public static PlatformConfiguration LoadFile(string path, Func<string, string?>? environment = null)
    {
        if (!File.Exists(path))
        {
            throw new ConfigurationException($"{path}: the configuration file does not exist.");
        }

        return Parse(File.ReadAllText(path), path, environment);
    }

    public static PlatformConfiguration Parse(string yaml, string sourceName, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var warnings = new List<string>();
        var reader = new YamlReader(sourceName, environment, warnings);

        var stream = new YamlStream();
        try
        {
            using var text = new StringReader(yaml);
            stream.Load(text);
        }
        catch (YamlException ex)
        {
            throw new ConfigurationException($"{sourceName}:{ex.Start.Line}: the file is not valid YAML: {ex.InnerException?.Message ?? ex.Message}");
        }

        if (stream.Documents.Count == 0 || YamlReader.IsNull(stream.Documents[0].RootNode))
        {
            return new PlatformConfiguration { Deployments = [], Warnings = warnings, SourcePath = sourceName };
        }

        return Build(reader, stream.Documents[0].RootNode, sourceName, warnings);
    }

    /// <summary>Reads one model entry given as JSON (<c>POST /model/new</c>) by the same rules as a <c>model_list</c> entry.</summary>
    internal static ModelDeployment ParseModel(JsonElement entry, Func<string, string, string> fallbackId, List<string> warnings, Func<string, string?> environment)
    {
        var reader = new YamlReader(null, environment, warnings);
        return ReadDeployment(reader, JsonYaml.ToNode(entry), null, fallbackId);
    }

    /// <summary>Applies router settings given as JSON (a run-time override) on top of <paramref name="start"/>, by the file's rules.</summary>
    internal static RouterSettings ParseRouter(JsonElement overrides, RouterSettings start, List<string> warnings)
    {
        var reader = new YamlReader(null, _ => null, warnings);
        return ReadRouter(reader, JsonYaml.ToNode(overrides), start, string.Empty);
    }

    private static PlatformConfiguration Build(YamlReader reader, YamlNode rootNode, string sourceName, List<string> warnings)
    {
        var root = reader.Mapping(rootNode, "(top level)");
        var deployments = new List<ModelDeployment>();
        var credentials = new List<Credential>();
        var router = new RouterSettings();
        var general = new GeneralSettings();
        var gateway = new GatewaySettings();

        foreach (var (keyNode, value) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
            switch (key)
            {
                case "model_list":
                    if (!YamlReader.IsNull(value))
                    {
                        var index = 0;
                        foreach (var entry in reader.Sequence(value, key).Children)
                        {
                            deployments.Add(ReadDeployment(reader, entry, $"model_list[{index}]", DeriveId(index)));
                            index++;
                        }
                    }

                    break;
                case "router_settings":
                    router = ReadRouter(reader, value, new RouterSettings(), "router_settings.");
                    break;
                case "credential_list":
                    credentials.AddRange(ReadCredentials(reader, value));
                    break;
                case "litellm_settings":
                    gateway = ReadGateway(reader, value);
                    break;
                case "general_settings":
                    general = ReadGeneral(reader, value);
                    break;
                default:
                    if (!TopLevelKeys.Contains(key))
                    {
                        reader.Warn(keyNode, $"unknown key '{key}' is ignored.");
                    }

                    break;
            }
        }

        var duplicates = deployments.GroupBy(d => d.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicates is not null)
        {
            throw new ConfigurationException($"{sourceName}: model_info.id '{duplicates.Key}' is used by more than one deployment.");
        }

        foreach (var (alias, target) in router.ModelGroupAlias)
        {
            if (!deployments.Any(d => d.ModelName == target))
            {
                warnings.Add($"{sourceName}: model_group_alias '{alias}' points to '{target}', which no deployment serves.");
            }
        }

        return new PlatformConfiguration
        {
            Deployments = deployments,
            Credentials = credentials,
            Router = router,
            General = general,
            Gateway = gateway,
            Warnings = warnings,
            SourcePath = sourceName,
        };
    }

    /// <summary>
    /// Reads one <c>model_list</c> entry (<c>model_name</c>, <c>litellm_params</c>, <c>model_info</c>): the one
    /// code path for the configuration file and for models added through the API.
    /// </summary>
    /// <param name="prefix">Where the entry sits, for messages (<c>model_list[0]</c>); null for an API body.</param>
    /// <param name="fallbackId">The id to use when <c>model_info.id</c> is absent.</param>
    internal static ModelDeployment ReadDeployment(YamlReader reader, YamlNode node, string? prefix, Func<string, string, string> fallbackId)
    {
        var entry = reader.Mapping(node, prefix ?? "(model)");
        string? modelName = null;
        YamlMappingNode? parameters = null;
        YamlMappingNode? info = null;
        foreach (var (keyNode, value) in entry.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
            switch (key)
            {
                case "model_name":
                    modelName = reader.RequiredString(value, "model_name");
                    break;
                case "litellm_params":
                case "params":
                    parameters = reader.Mapping(value, key);
                    break;
                case "model_info":
                    info = YamlReader.IsNull(value) ? null : reader.Mapping(value, key);
                    break;
                default:
                    if (!EntryKeys.Contains(key))
                    {
                        reader.Warn(keyNode, $"unknown key '{Qualify(prefix, key)}' is ignored.");
                    }

                    break;
            }
        }

        if (modelName is null)
        {
            throw reader.Fail(node, Qualify(prefix, "model_name"), "is required.");
        }

        if (parameters is null)
        {
            throw reader.Fail(node, Qualify(prefix, "litellm_params"), "is required (with at least 'model').");
        }

        string? model = null;
        YamlNode? apiBaseNode = null;
        (string Key, YamlNode Node)? region = null;
        decimal? inputCost = null;
        decimal? outputCost = null;
        var settings = new DeploymentSettings();
        foreach (var (keyNode, value) in parameters.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
            var path = "litellm_params." + key;
            settings = key switch
            {
                "api_base" or "base_url" => settings with { ApiBase = reader.String(value, path)?.TrimEnd('/') },
                "api_key" => settings with { ApiKey = reader.String(value, path) },
                "api_version" => settings with { ApiVersion = reader.String(value, path) },
                "litellm_credential_name" => settings with { CredentialName = reader.String(value, path) },
                "rpm" => settings with { Rpm = reader.Int(value, path) },
                "tpm" => settings with { Tpm = reader.Int(value, path) },
                "timeout" => settings with { Timeout = PositiveSeconds(reader, value, path) },
                "stream_timeout" => settings with { StreamTimeout = PositiveSeconds(reader, value, path) },
                "max_retries" => settings with { MaxRetries = reader.Int(value, path) },
                "weight" => settings with { Weight = reader.Number(value, path) ?? 1 },
                "aws_region_name" or "region_name" => settings with { AwsRegionName = reader.String(value, path) },
                "aws_access_key_id" => settings with { AwsAccessKeyId = reader.String(value, path) },
                "aws_secret_access_key" => settings with { AwsSecretAccessKey = reader.String(value, path) },
                "aws_session_token" => settings with { AwsSessionToken = reader.String(value, path) },
                "mock_response" => settings with { MockResponse = reader.String(value, path) },
                "mock_latency" => settings with { MockLatency = TimeSpan.FromMilliseconds(reader.Number(value, path + " (milliseconds)") ?? 0) },
                "mock_time_to_first_token" => settings with { MockTimeToFirstToken = TimeSpan.FromMilliseconds(reader.Number(value, path + " (milliseconds)") ?? 0) },
                "mock_tokens_per_second" => settings with { MockTokensPerSecond = reader.Number(value, path) ?? 0 },
                "use_provider_batch_api" => settings with { UseProviderBatchApi = reader.Bool(value, path) ?? false },
                "allow_user_provider_keys" => settings with { AllowUserProviderKeys = reader.Bool(value, path) },
                _ => settings,
            };

            switch (key)
            {
                case "api_base":
                case "base_url":
                    apiBaseNode = value;
                    break;
                case "model":
                    model = reader.RequiredString(value, path);
                    if (!model.Contains('/', StringComparison.Ordinal))
                    {
                        reader.Warn(value, $"'{path}' has no provider prefix; '{model}' is treated as openai/{model}.");
                    }

                    break;
                case "input_cost_per_token":
                    inputCost = reader.Decimal(value, path);
                    break;
                case "output_cost_per_token":
                    outputCost = reader.Decimal(value, path);
                    break;
                case "aws_region_name" or "region_name":
                    region = (path, value);
                    break;
                default:
                    if (!ParamKeys.Contains(key))
                    {
                        reader.Warn(keyNode, $"unknown key '{Qualify(prefix, path)}' is ignored.");
                    }

                    break;
            }
        }

        if (model is null)
        {
            throw reader.Fail(parameters, Qualify(prefix, "litellm_params.model"), "is required (as provider/model).");
        }

        var (provider, _) = ModelDeployment.SplitProvider(model);
        if (!KnownProviders.Contains(provider))
        {
            reader.Warn(parameters, $"{prefix ?? model} uses provider '{provider}', which has no adapter; requests to it will fail.");
        }

        if (provider == "azure" && string.IsNullOrEmpty(settings.ApiBase))
        {
            throw reader.Fail(parameters, Qualify(prefix, "litellm_params.api_base"), "is required for azure/ deployments (https://<resource>.openai.azure.com).");
        }

        if (settings.ApiBase is { } apiBase && !(Uri.TryCreate(apiBase, UriKind.Absolute, out var baseUri) && (baseUri.Scheme == Uri.UriSchemeHttp || baseUri.Scheme == Uri.UriSchemeHttps)))
        {
            throw reader.Fail(apiBaseNode ?? parameters, Qualify(prefix, "litellm_params.api_base"), $"must be an http(s) URL (got '{apiBase}').");
        }

        if (provider == "bedrock")
        {
            CheckBedrock(reader, parameters, region, settings, prefix);
        }

        string? id = null;
        if (info is not null)
        {
            foreach (var (keyNode, value) in info.Children)
            {
                var key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
                var path = "model_info." + key;
                switch (key)
                {
                    case "id":
                        id = reader.RequiredString(value, path);
                        break;
                    case "input_cost_per_token":
                        inputCost = reader.Decimal(value, path);
                        break;
                    case "output_cost_per_token":
                        outputCost = reader.Decimal(value, path);
                        break;
                    case "max_tokens":
                        settings = settings with { MaxTokens = reader.Int(value, path, 1) };
                        break;
                    case "access_groups":
                        settings = settings with { AccessGroups = reader.StringList(value, path) };
                        break;
                    case "max_input_tokens":
                        settings = settings with { MaxInputTokens = reader.Int(value, path, 1) };
                        break;
                    case "mode":
                        var mode = reader.RequiredString(value, path);
                        if (mode is not ("chat" or "completion" or "embedding" or "image_generation" or "rerank" or "moderation" or "audio_transcription" or "audio_speech" or "responses" or "batch"))
                        {
                            throw reader.Fail(value, path, $"must be one of chat, completion, embedding, image_generation, rerank, moderation (got '{mode}').");
                        }

                        settings = settings with { Mode = mode };
                        break;
                    default:
                        if (!InfoKeys.Contains(key))
                        {
                            reader.Warn(keyNode, $"unknown key '{Qualify(prefix, path)}' is ignored.");
                        }

                        break;
                }
            }
        }

        id ??= fallbackId(modelName, model);
        var pricing = inputCost is null && outputCost is null
            ? PriceTable.Lookup(model)
            : new ModelPricing(inputCost ?? 0, outputCost ?? 0);

        try
        {
            return ModelDeployment.Create(id, modelName, model, settings, pricing);
        }
        catch (DomainException ex)
        {
            throw reader.Fail(node, prefix ?? "litellm_params", ex.Message);
        }
    }

    /// <summary>A bedrock/ deployment signs for a region: it needs a valid aws_region_name unless api_base names the endpoint.</summary>
    private static void CheckBedrock(YamlReader reader, YamlNode parameters, (string Key, YamlNode Node)? region, DeploymentSettings settings, string? prefix)
    {
        if (region is { } given && !AwsRegion.IsValid(settings.AwsRegionName))
        {
            throw reader.Fail(given.Node, Qualify(prefix, given.Key), $"must be an AWS region such as us-east-1 (got '{settings.AwsRegionName}').");
        }

        if (settings.AwsRegionName is null && settings.ApiBase is null)
        {
            throw reader.Fail(parameters, Qualify(prefix, "litellm_params.aws_region_name"), "is required for a bedrock/ deployment (or set api_base).");
        }
    }

    private static string Qualify(string? prefix, string key) => prefix is null ? key : prefix + "." + key;

    private static Func<string, string, string> DeriveId(int index) => (modelName, model) => DeriveId(modelName, model, index);

    private static string DeriveId(string modelName, string model, int index)
    {
        var bytes = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{index}\n{modelName}\n{model}")));
        return Convert.ToHexStringLower(bytes)[..16];
    }

    private static RouterSettings ReadRouter(YamlReader reader, YamlNode node, RouterSettings start, string prefix)
    {
        var settings = start;
        if (YamlReader.IsNull(node))
        {
            return settings;
        }

        foreach (var (keyNode, value) in reader.Mapping(node, "router_settings").Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
            var path = prefix + key;
            switch (key)
            {
                case "routing_strategy":
                    var strategy = reader.RequiredString(value, path);
                    if (!RouterSettings.KnownStrategies.Contains(strategy))
                    {
                        throw reader.Fail(value, path, $"must be one of {string.Join(", ", RouterSettings.KnownStrategies)} (got '{strategy}').");
                    }

                    settings = settings with { RoutingStrategy = strategy };
                    break;
                case "num_retries":
                    settings = settings with { NumRetries = reader.Int(value, path) ?? settings.NumRetries };
                    break;
                case "timeout":
                    settings = settings with { Timeout = PositiveSeconds(reader, value, path) };
                    break;
                case "stream_timeout":
                    settings = settings with { StreamTimeout = PositiveSeconds(reader, value, path) };
                    break;
                case "retry_after":
                    settings = settings with { RetryAfter = reader.Seconds(value, path) ?? TimeSpan.Zero };
                    break;
                case "allowed_fails":
                    settings = settings with { AllowedFails = reader.Int(value, path) ?? settings.AllowedFails };
                    break;
                case "cooldown_time":
                    settings = settings with { CooldownTime = reader.Seconds(value, path) ?? settings.CooldownTime };
                    break;
                case "fallbacks":
                    settings = settings with { Fallbacks = ReadFallbacks(reader, value, path) };
                    break;
                case "context_window_fallbacks":
                    settings = settings with { ContextWindowFallbacks = ReadFallbacks(reader, value, path) };
                    break;
                case "content_policy_fallbacks":
                    settings = settings with { ContentPolicyFallbacks = ReadFallbacks(reader, value, path) };
                    break;
                case "model_group_alias":
                    settings = settings with { ModelGroupAlias = ReadAliases(reader, value, path) };
                    break;
                default:
                    if (!RouterKeys.Contains(key))
                    {
                        reader.Warn(keyNode, $"unknown key '{path}' is ignored.");
                    }

                    break;
            }
        }

        return settings;
    }

    /// <summary>Addresses (<c>10.0.0.5</c>) and networks (<c>10.0.0.0/8</c>, <c>fd00::/8</c>); anything else fails the load.</summary>
    private static IReadOnlyList<System.Net.IPNetwork> ReadNetworks(YamlReader reader, YamlNode node, string path)
    {
        var networks = new List<System.Net.IPNetwork>();
        foreach (var entry in reader.StringList(node, path))
        {
            var text = entry.Trim();
            if (System.Net.IPNetwork.TryParse(text, out var network))
            {
                networks.Add(network);
            }
            else if (System.Net.IPAddress.TryParse(text, out var address))
            {
                networks.Add(new System.Net.IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32));
            }
            else
            {
                throw reader.Fail(node, path, $"'{entry}' is neither an IP address nor a network such as 10.0.0.0/8.");
            }
        }

        return networks;
    }

    /// <summary>LiteLLM writes fallbacks as a list of one-key mappings: <c>[{gpt-4: [gpt-3.5]}]</c>; a plain mapping is accepted too.</summary>
    internal static IReadOnlyDictionary<string, IReadOnlyList<string>> ReadFallbacks(YamlReader reader, YamlNode node, string path)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (YamlReader.IsNull(node))
        {
            return result;
        }

        IEnumerable<YamlMappingNode> maps = node switch
        {
            YamlSequenceNode seq => seq.Children.Select(c => reader.Mapping(c, path + "[]")),
            YamlMappingNode map => [map],
            _ => throw reader.Fail(node, path, "must be a list of {model: [fallback models]} mappings."),
        };

        foreach (var map in maps)
        {
            foreach (var (keyNode, value) in map.Children)
            {
                var model = reader.RequiredString(keyNode, path);
                result[model] = reader.StringList(value, path + "." + model);
            }
        }

        return result;
    }

    /// <summary><c>credential_list</c>: <c>[{credential_name, credential_values: {...}, credential_info: {...}}]</c>.</summary>
    private static List<Credential> ReadCredentials(YamlReader reader, YamlNode node)
    {
        var result = new List<Credential>();
        if (YamlReader.IsNull(node))
        {
            return result;
        }

        var index = 0;
        foreach (var item in reader.Sequence(node, "credential_list").Children)
        {
            var path = $"credential_list[{index++}]";
            string? name = null;
            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            var info = new JsonObject();
            foreach (var (keyNode, value) in reader.Mapping(item, path).Children)
            {
                var key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
                switch (key)
                {
                    case "credential_name":
                        name = reader.RequiredString(value, path + ".credential_name");
                        break;
                    case "credential_values":
                        foreach (var (field, fieldValue) in reader.Mapping(value, path + ".credential_values").Children)
                        {
                            var fieldName = reader.RequiredString(field, path + ".credential_values");
                            values[fieldName] = reader.String(fieldValue, path + ".credential_values." + fieldName);
                        }

                        break;
                    case "credential_info":
                        if (!YamlReader.IsNull(value))
                        {
                            foreach (var (field, fieldValue) in reader.Mapping(value, path + ".credential_info").Children)
                            {
                                var fieldName = reader.RequiredString(field, path + ".credential_info");
                                info[fieldName] = fieldValue is YamlScalarNode ? reader.String(fieldValue, path + ".credential_info." + fieldName) : null;
                            }
                        }

                        break;
                    default:
                        reader.Warn(keyNode, $"unknown key '{path}.{key}' is ignored.");
                        break;
                }
            }

            var created = Credential.Create(name, values, info.ToJsonString());
            if (!created.IsSuccess)
            {
                throw reader.Fail(item, path + "." + (created.Error!.Param ?? "credential_name"), created.Error.Message);
            }

            result.Add(created.Value);
        }

        var duplicate = result.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw reader.Fail(node, "credential_list", $"names the credential '{duplicate.Key}' more than once.");
        }

        return result;
    }

    private static IReadOnlyDictionary<string, string> ReadAliases(YamlReader reader, YamlNode node, string path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (YamlReader.IsNull(node))
        {
            return result;
        }

        foreach (var (keyNode, value) in reader.Mapping(node, path).Children)
        {
            var alias = reader.RequiredString(keyNode, path);
            if (value is YamlMappingNode aliasMap)
            {
                // LiteLLM also accepts {model: name, hidden: true}.
                var target = aliasMap.Children.FirstOrDefault(c => ((YamlScalarNode)c.Key).Value == "model").Value
                    ?? throw reader.Fail(value, path + "." + alias, "needs a 'model'.");
                result[alias] = reader.RequiredString(target, path + "." + alias + ".model");
            }
            else
            {
                result[alias] = reader.RequiredString(value, path + "." + alias);
            }
        }

        return result;
    }

    private static GatewaySettings ReadGateway(YamlReader reader, YamlNode node)
    {
        var settings = new GatewaySettings();
        if (YamlReader.IsNull(node))
        {
            return settings;
        }

        var callbacks = new List<string>();
        foreach (var (keyNode, value) in reader.Mapping(node, "litellm_settings").Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
            var path = "litellm_settings." + key;
            switch (key)
            {
                case "drop_params":
                    settings = settings with { DropParams = reader.Bool(value, path) ?? false };
                    break;
                case "max_internal_user_budget":
                    var budget = reader.Number(value, path);
                    settings = settings with { MaxInternalUserBudget = budget is null ? null : (decimal)budget.Value };
                    break;
                case "internal_user_budget_duration":
                    var duration = reader.String(value, path);
                    if (duration is not null && !BudgetDuration.TryParse(duration, out _))
                    {
                        throw reader.Fail(value, path, "must look like 30s, 10m, 1h, 30d, 1w or 1mo.");
                    }

                    settings = settings with { InternalUserBudgetDuration = duration };
                    break;
                case "num_retries":
                    settings = settings with { NumRetries = reader.Int(value, path) };
                    break;
                case "request_timeout":
                    settings = settings with { RequestTimeout = PositiveSeconds(reader, value, path) };
                    break;
                case "cache":
                    settings = settings with { CacheEnabled = reader.Bool(value, path) ?? false };
                    break;
                case "cache_params":
                    settings = CacheParams.Read(reader, value, path, settings);
                    break;
                case "callbacks":
                    callbacks.AddRange(reader.StringList(value, path));
                    break;
                case "success_callback":
                    var onSuccess = reader.StringList(value, path);
                    callbacks.AddRange(onSuccess);
                    settings = settings with { SuccessCallbacks = [.. settings.SuccessCallbacks, .. onSuccess] };
                    break;
                case "failure_callback":
                    var onFailure = reader.StringList(value, path);
                    callbacks.AddRange(onFailure);
                    settings = settings with { FailureCallbacks = [.. settings.FailureCallbacks, .. onFailure] };
                    break;
                default:
                    if (!LitellmKeys.Contains(key))
                    {
                        reader.Warn(keyNode, $"unknown key '{path}' is ignored.");
                    }

                    break;
            }
        }

        return settings with { Callbacks = callbacks.Distinct(StringComparer.Ordinal).ToList() };
    }

    private static GeneralSettings ReadGeneral(YamlReader reader, YamlNode node)
    {
        var settings = new GeneralSettings();
        if (YamlReader.IsNull(node))
        {
            return settings;
        }

        foreach (var (keyNode, value) in reader.Mapping(node, "general_settings").Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
            var path = "general_settings." + key;
            switch (key)
            {
                case "master_key":
                    settings = settings with { MasterKey = reader.String(value, path) };
                    break;
                case "database_url":
                    settings = settings with { DatabaseUrl = reader.String(value, path) };
                    break;
                case "redis_url":
                    settings = settings with { RedisUrl = reader.String(value, path) };
                    break;
                case "max_request_size_mb":
                    var mb = reader.Number(value, path);
                    if (mb is <= 0)
                    {
                        throw reader.Fail(value, path, "must be a positive number of megabytes.");
                    }

                    settings = settings with { MaxRequestSizeBytes = mb is null ? settings.MaxRequestSizeBytes : (long)(mb.Value * 1024 * 1024) };
                    break;
                case "drain_timeout":
                    settings = settings with { DrainTimeout = reader.Seconds(value, path) ?? settings.DrainTimeout };
                    break;
                case "store_prompts":
                case "store_prompts_in_spend_logs":
                    settings = settings with { StorePrompts = reader.Bool(value, path) ?? false };
                    break;
                case "ledger_memory_capacity":
                    settings = settings with { LedgerMemoryCapacity = reader.Int(value, path, 1) ?? settings.LedgerMemoryCapacity };
                    break;
                case "ledger_spill_dir":
                    settings = settings with { LedgerSpillDirectory = reader.String(value, path) };
                    break;
                case "encryption_key":
                case "salt_key":
                    settings = settings with { EncryptionKey = reader.String(value, path) };
                    break;
                case "trusted_proxies":
                    settings = settings with { TrustedProxies = ReadNetworks(reader, value, path) };
                    break;
                case "webhook_allowed_hosts":
                    settings = settings with { Webhooks = settings.Webhooks with { AllowedHosts = reader.StringList(value, path) } };
                    break;
                case "webhook_retry_base_seconds":
                    settings = settings with { Webhooks = settings.Webhooks with { RetryBaseDelay = PositiveSeconds(reader, value, path) ?? settings.Webhooks.RetryBaseDelay } };
                    break;
                case "webhook_key_expiry_days":
                    var days = reader.Number(value, path);
                    settings = settings with { Webhooks = settings.Webhooks with { KeyExpiryWarning = days is null ? settings.Webhooks.KeyExpiryWarning : TimeSpan.FromDays(days.Value) } };
                    break;
                case "webhook_key_expiry_check_seconds":
                    settings = settings with { Webhooks = settings.Webhooks with { KeyExpiryCheckInterval = PositiveSeconds(reader, value, path) ?? settings.Webhooks.KeyExpiryCheckInterval } };
                    break;
                case "files_storage_path":
                    settings = settings with { FilesStoragePath = reader.String(value, path) };
                    break;
                case "files_max_bytes":
                    settings = settings with { FilesMaxBytes = ReadFileLimits(reader, value, path) };
                    break;
                case "batch_max_concurrency":
                    settings = settings with { BatchMaxConcurrency = reader.Int(value, path, 1) ?? settings.BatchMaxConcurrency };
                    break;
                case "invite_required":
                    settings = settings with { Accounts = settings.Accounts with { InviteRequired = reader.Bool(value, path) ?? false } };
                    break;
                case "login_max_failures_per_email":
                    settings = settings with { Accounts = settings.Accounts with { MaxFailuresPerEmail = reader.Int(value, path, 0) ?? settings.Accounts.MaxFailuresPerEmail } };
                    break;
                case "login_max_failures_per_ip":
                    settings = settings with { Accounts = settings.Accounts with { MaxFailuresPerIp = reader.Int(value, path, 0) ?? settings.Accounts.MaxFailuresPerIp } };
                    break;
                case "register_max_per_ip":
                    settings = settings with { Accounts = settings.Accounts with { MaxRegistrationsPerIp = reader.Int(value, path, 0) ?? settings.Accounts.MaxRegistrationsPerIp } };
                    break;
                case "login_lockout_seconds":
                    settings = settings with { Accounts = settings.Accounts with { LockoutWindow = PositiveSeconds(reader, value, path) ?? settings.Accounts.LockoutWindow } };
                    break;
                case "fine_tuning_poll_seconds":
                    var pollSeconds = reader.Number(value, path);
                    if (pollSeconds is <= 0)
                    {
                        throw reader.Fail(value, path, "must be a positive number of seconds.");
                    }

                    settings = settings with { FineTuningPollInterval = pollSeconds is null ? settings.FineTuningPollInterval : TimeSpan.FromSeconds(pollSeconds.Value) };
                    break;
                default:
                    if (!GeneralKeys.Contains(key))
                    {
                        reader.Warn(keyNode, $"unknown key '{path}' is ignored.");
                    }

                    break;
            }
        }

        return settings;
    }

    private static TimeSpan? PositiveSeconds(YamlReader reader, YamlNode value, string path)
    {
        var seconds = reader.Seconds(value, path);
        return seconds is { } given && given <= TimeSpan.Zero ? throw reader.Fail(value, path, "must be a positive number of seconds.") : seconds;
    }

    /// <summary><c>files_max_bytes</c>: a map from an uploadable purpose to its size limit in bytes.</summary>
    private static Dictionary<string, long> ReadFileLimits(YamlReader reader, YamlNode node, string path)
    {
        var limits = new Dictionary<string, long>(StringComparer.Ordinal);
        if (YamlReader.IsNull(node))
        {
            return limits;
        }

        foreach (var (keyNode, value) in reader.Mapping(node, path).Children)
        {
            var purpose = ((YamlScalarNode)keyNode).Value ?? string.Empty;
            if (!FilePurposes.IsUploadable(purpose))
            {
                throw reader.Fail(keyNode, path + "." + purpose, "is not a file purpose (use " + string.Join(", ", FilePurposes.Uploadable) + ").");
            }

            var bytes = reader.Number(value, path + "." + purpose);
            if (bytes is not { } limit || limit < 1 || limit != Math.Floor(limit) || limit > long.MaxValue / 2)
            {
                throw reader.Fail(value, path + "." + purpose, "must be a positive whole number of bytes.");
            }

            limits[purpose] = (long)limit;
        }

        return limits;
    }

    /// <summary>The provider prefixes that have an adapter.</summary>
    public static IReadOnlySet<string> KnownProviders { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "openai", "hosted_vllm", "openai_compatible", "vllm", "azure", "anthropic", "gemini", "bedrock", "ollama",
        "ollama_chat", "cohere", "mock",
    };
}
