using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LlmPlatform.FakeUpstream;

/// <summary>
/// OpenAI's files upload and fine-tuning API. A job moves from validating_files to queued to running to succeeded
/// (or failed, for a training file with <see cref="FineTuningRoutes.FailMarker"/>), one stage per
/// <see cref="FakeUpstreamOptions.FineTuningStageDuration"/>; its events and checkpoints follow its progress.
/// </summary>
internal sealed class FineTuningFake
{
    private const string Organization = "fake-org";
    private const int Stages = 3;

    private readonly Script _script;
    private readonly FakeUpstreamOptions _options;
    private readonly ConcurrentDictionary<string, string> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeJob> _jobs = new(StringComparer.Ordinal);

    public FineTuningFake(Script script, FakeUpstreamOptions options)
    {
        _script = script;
        _options = options;
    }

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/fine_tuning/jobs", CreateAsync);
        app.MapGet("/v1/fine_tuning/jobs/{id}", (HttpContext ctx, string id) => GetAsync(ctx, id));
        app.MapGet("/v1/fine_tuning/jobs/{id}/events", (HttpContext ctx, string id) => EventsAsync(ctx, id));
        app.MapGet("/v1/fine_tuning/jobs/{id}/checkpoints", (HttpContext ctx, string id) => CheckpointsAsync(ctx, id));
        app.MapPost("/v1/fine_tuning/jobs/{id}/cancel", (HttpContext ctx, string id) => CancelAsync(ctx, id));
    }

    /// <summary>POST /v1/files for purpose fine-tune (the route itself is shared with the batch fake).</summary>
    public async Task UploadAsync(HttpContext context)
    {
        var behavior = _script.Next(FineTuningRoutes.FilesUpload);
        if (!context.Request.HasFormContentType)
        {
            await ErrorAsync(context, 400, "Expected multipart/form-data.").ConfigureAwait(false);
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var file = form.Files.GetFile("file");
        var purpose = form["purpose"].ToString();
        string content = string.Empty;
        if (file is not null)
        {
            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
            content = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        Record(context, FineTuningRoutes.FilesUpload, $"purpose={purpose}\nfilename={file?.FileName}\n{content}");
        if (!await FakeHttp.BeforeAnswerAsync(context, behavior, _options, OpenAiFake.ErrorBody).ConfigureAwait(false))
        {
            return;
        }

        if (file is null || purpose.Length == 0)
        {
            await ErrorAsync(context, 400, "'file' and 'purpose' are required.").ConfigureAwait(false);
            return;
        }

        var id = "file-fake-" + Guid.NewGuid().ToString("N")[..16];
        _files[id] = content;
        await JsonAsync(context, new JsonObject
        {
            ["id"] = id,
            ["object"] = "file",
            ["bytes"] = file.Length,
            ["created_at"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["filename"] = file.FileName,
            ["purpose"] = purpose,
            ["status"] = "processed",
        }).ConfigureAwait(false);
    }

    private async Task CreateAsync(HttpContext context)
    {
        var body = await FakeHttp.RecordAsync(context, _script, FineTuningRoutes.CreateJob).ConfigureAwait(false);
        if (!await FakeHttp.BeforeAnswerAsync(context, _script.Next(FineTuningRoutes.CreateJob), _options, OpenAiFake.ErrorBody).ConfigureAwait(false))
        {
            return;
        }

        JsonObject? request;
        try
        {
            request = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            request = null;
        }

        var model = request?["model"]?.GetValue<string>();
        var trainingFile = request?["training_file"]?.GetValue<string>();
        if (request is null || string.IsNullOrEmpty(model) || trainingFile is null || !_files.TryGetValue(trainingFile, out var training))
        {
            await ErrorAsync(context, 400, "A known 'training_file' and a 'model' are required.").ConfigureAwait(false);
            return;
        }

        var hyperparameters = request["hyperparameters"] as JsonObject;
        var id = "ftjob-fake-" + Guid.NewGuid().ToString("N")[..16];
        var stage = training.Contains(FineTuningRoutes.SlowMarker, StringComparison.Ordinal)
            ? _options.FineTuningStageDuration * 1000
            : _options.FineTuningStageDuration;
        var job = new FakeJob(
            id,
            model,
            trainingFile,
            request["validation_file"]?.GetValue<string>(),
            request["suffix"]?.GetValue<string>(),
            new JsonObject
            {
                ["n_epochs"] = Resolved(hyperparameters, "n_epochs", 3),
                ["batch_size"] = Resolved(hyperparameters, "batch_size", 1),
                ["learning_rate_multiplier"] = Resolved(hyperparameters, "learning_rate_multiplier", 2.0),
            },
            request["seed"]?.GetValue<long>() ?? 42,
            training.Contains(FineTuningRoutes.FailMarker, StringComparison.Ordinal),
            DateTimeOffset.UtcNow,
            stage);
        _jobs[id] = job;
        await JsonAsync(context, job.ToJson(DateTimeOffset.UtcNow)).ConfigureAwait(false);
    }

    private async Task GetAsync(HttpContext context, string id)
    {
        if (await FindAsync(context, id, FineTuningRoutes.GetJob).ConfigureAwait(false) is { } job)
        {
            await JsonAsync(context, job.ToJson(DateTimeOffset.UtcNow)).ConfigureAwait(false);
        }
    }

    private async Task CancelAsync(HttpContext context, string id)
    {
        if (await FindAsync(context, id, FineTuningRoutes.Cancel).ConfigureAwait(false) is not { } job)
        {
            return;
        }

        var now = DateTimeOffset.UtcNow;
        if (!job.TryCancel(now))
        {
            await ErrorAsync(context, 400, $"Job {id} has already ended and cannot be cancelled.").ConfigureAwait(false);
            return;
        }

        await JsonAsync(context, job.ToJson(now)).ConfigureAwait(false);
    }

    private async Task EventsAsync(HttpContext context, string id)
    {
        if (await FindAsync(context, id, FineTuningRoutes.Events).ConfigureAwait(false) is { } job)
        {
            await ListAsync(context, job.Events(DateTimeOffset.UtcNow)).ConfigureAwait(false);
        }
    }

    private async Task CheckpointsAsync(HttpContext context, string id)
    {
        if (await FindAsync(context, id, FineTuningRoutes.Checkpoints).ConfigureAwait(false) is { } job)
        {
            await ListAsync(context, job.Checkpoints(DateTimeOffset.UtcNow)).ConfigureAwait(false);
        }
    }

    private async Task<FakeJob?> FindAsync(HttpContext context, string id, string route)
    {
        await FakeHttp.RecordAsync(context, _script, route).ConfigureAwait(false);
        if (!await FakeHttp.BeforeAnswerAsync(context, _script.Next(route), _options, OpenAiFake.ErrorBody).ConfigureAwait(false))
        {
            return null;
        }

        if (_jobs.TryGetValue(id, out var job))
        {
            return job;
        }

        await ErrorAsync(context, 404, $"No such fine-tuning job: {id}").ConfigureAwait(false);
        return null;
    }

    private static async Task ListAsync(HttpContext context, List<JsonObject> newestFirst)
    {
        var limit = int.TryParse(context.Request.Query["limit"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var given) && given > 0 ? given : 20;
        var data = new JsonArray(newestFirst.Take(limit).Select(JsonNode? (o) => o).ToArray());
        await JsonAsync(context, new JsonObject { ["object"] = "list", ["data"] = data, ["has_more"] = newestFirst.Count > limit }).ConfigureAwait(false);
    }

    private static JsonNode Resolved(JsonObject? given, string name, double fallback) =>
        given?[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.DeepClone() : JsonValue.Create(fallback)!;

    private static JsonNode Resolved(JsonObject? given, string name, int fallback) =>
        given?[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.DeepClone() : JsonValue.Create(fallback)!;

    private void Record(HttpContext context, string route, string body)
    {
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
        _script.Add(new RecordedRequest(route, context.Request.Method, context.Request.Path + context.Request.QueryString, headers, body));
    }

    private static async Task JsonAsync(HttpContext context, JsonObject body)
    {
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task ErrorAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        await JsonAsync(context, new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = message, ["type"] = "invalid_request_error", ["param"] = null, ["code"] = null },
        }).ConfigureAwait(false);
    }

    /// <summary>One job; its status is a function of the time since it was created (and of a cancellation).</summary>
    private sealed class FakeJob
    {
        private readonly object _gate = new();
        private DateTimeOffset? _cancelledAt;

        public FakeJob(
            string id,
            string model,
            string trainingFile,
            string? validationFile,
            string? suffix,
            JsonObject hyperparameters,
            long seed,
            bool fails,
            DateTimeOffset createdAt,
            TimeSpan stage)
        {
            Id = id;
            Model = model;
            TrainingFile = trainingFile;
            ValidationFile = validationFile;
            Suffix = suffix;
            Hyperparameters = hyperparameters;
            Seed = seed;
            Fails = fails;
            CreatedAt = createdAt;
            Stage = stage;
        }

        public string Id { get; }

        public string Model { get; }

        public string TrainingFile { get; }

        public string? ValidationFile { get; }

        public string? Suffix { get; }

        public JsonObject Hyperparameters { get; }

        public long Seed { get; }

        public bool Fails { get; }

        public DateTimeOffset CreatedAt { get; }

        public TimeSpan Stage { get; }

        public string FineTunedModel => $"ft:{Model}:{Organization}:{Suffix}:{Id["ftjob-fake-".Length..][..8]}";

        private DateTimeOffset EndsAt => CreatedAt + (Stage * Stages);

        public bool TryCancel(DateTimeOffset now)
        {
            lock (_gate)
            {
                if (_cancelledAt is not null || now >= EndsAt)
                {
                    return false;
                }

                _cancelledAt = now;
                return true;
            }
        }

        public JsonObject ToJson(DateTimeOffset now)
        {
            var (status, finishedAt) = StatusAt(now);
            var succeeded = status == "succeeded";
            return new JsonObject
            {
                ["id"] = Id,
                ["object"] = "fine_tuning.job",
                ["model"] = Model,
                ["created_at"] = CreatedAt.ToUnixTimeSeconds(),
                ["finished_at"] = finishedAt?.ToUnixTimeSeconds(),
                ["fine_tuned_model"] = succeeded ? FineTunedModel : null,
                ["organization_id"] = Organization,
                ["result_files"] = succeeded ? new JsonArray("file-fake-result-" + Id[^8..]) : new JsonArray(),
                ["status"] = status,
                ["validation_file"] = ValidationFile,
                ["training_file"] = TrainingFile,
                ["hyperparameters"] = Hyperparameters.DeepClone(),
                ["trained_tokens"] = succeeded ? 4242 : null,
                ["error"] = status == "failed"
                    ? new JsonObject
                    {
                        ["code"] = "invalid_training_file",
                        ["message"] = "The training file could not be used: it contains the failure marker.",
                        ["param"] = "training_file",
                    }
                    : null,
                ["seed"] = Seed,
                ["estimated_finish"] = finishedAt is null ? EndsAt.ToUnixTimeSeconds() : null,
                ["integrations"] = new JsonArray(),
                ["metadata"] = null,
                ["suffix"] = Suffix,
            };
        }

        public List<JsonObject> Events(DateTimeOffset now)
        {
            var (status, _) = StatusAt(now);
            var until = _cancelledAt is { } cancelled && cancelled < now ? cancelled : now;
            var events = new List<(TimeSpan At, string Level, string Message, string Type, JsonObject? Data)>
            {
                (TimeSpan.Zero, "info", $"Created fine-tuning job: {Id}", "message", null),
                (TimeSpan.Zero, "info", $"Validating training file: {TrainingFile}", "message", null),
                (Stage, "info", "Files validated, moving job to queued state", "message", null),
                (Stage * 2, "info", "Fine-tuning job started", "message", null),
                (Stage * 2.5, "info", "Step 10/30: training loss=0.92", "metrics", new JsonObject { ["step"] = 10, ["train_loss"] = 0.92 }),
            };
            if (Fails)
            {
                events.Add((Stage * Stages, "error", "The job failed: the training file could not be used.", "message", null));
            }
            else
            {
                events.Add((Stage * Stages, "info", $"New fine-tuned model created: {FineTunedModel}", "message", null));
                events.Add((Stage * Stages, "info", "The job has successfully completed", "message", null));
            }

            var result = new List<JsonObject>();
            for (var i = 0; i < events.Count; i++)
            {
                var (at, level, message, type, data) = events[i];
                if (CreatedAt + at > until)
                {
                    break;
                }

                result.Add(Event(i, CreatedAt + at, level, message, type, data));
            }

            if (status == "cancelled")
            {
                result.Add(Event(events.Count, _cancelledAt!.Value, "info", "Fine-tuning job cancelled", "message", null));
            }

            result.Reverse();
            return result;
        }

        public List<JsonObject> Checkpoints(DateTimeOffset now)
        {
            var (status, _) = StatusAt(now);
            var steps = status switch
            {
                "running" => new[] { 10 },
                "succeeded" => new[] { 10, 20, 30 },
                _ => [],
            };
            var result = steps.Select(step => new JsonObject
            {
                ["object"] = "fine_tuning.job.checkpoint",
                ["id"] = $"ftckpt-{Id[^8..]}-{step:D3}",
                ["created_at"] = (CreatedAt + (Stage * 2) + (Stage * (step / 30.0))).ToUnixTimeSeconds(),
                ["fine_tuned_model_checkpoint"] = $"{FineTunedModel}:ckpt-step-{step}",
                ["fine_tuning_job_id"] = Id,
                ["metrics"] = new JsonObject
                {
                    ["step"] = step,
                    ["train_loss"] = Math.Round(1.0 / step * 10, 4),
                    ["train_mean_token_accuracy"] = Math.Round(0.5 + (step / 100.0), 4),
                    ["valid_loss"] = Math.Round(1.1 / step * 10, 4),
                    ["valid_mean_token_accuracy"] = Math.Round(0.45 + (step / 100.0), 4),
                    ["full_valid_loss"] = Math.Round(1.2 / step * 10, 4),
                    ["full_valid_mean_token_accuracy"] = Math.Round(0.4 + (step / 100.0), 4),
                },
                ["step_number"] = step,
            }).ToList();
            result.Reverse();
            return result;
        }

        private JsonObject Event(int index, DateTimeOffset at, string level, string message, string type, JsonObject? data) => new()
        {
            ["object"] = "fine_tuning.job.event",
            ["id"] = $"ftevent-{Id[^8..]}-{index:D3}",
            ["created_at"] = at.ToUnixTimeSeconds(),
            ["level"] = level,
            ["message"] = message,
            ["type"] = type,
            ["data"] = data ?? new JsonObject(),
        };

        private (string Status, DateTimeOffset? FinishedAt) StatusAt(DateTimeOffset now)
        {
            lock (_gate)
            {
                if (_cancelledAt is { } cancelled)
                {
                    return ("cancelled", cancelled);
                }
            }

            var elapsed = now - CreatedAt;
            return elapsed < Stage ? ("validating_files", null)
                : elapsed < Stage * 2 ? ("queued", null)
                : elapsed < Stage * Stages ? ("running", null)
                : (Fails ? "failed" : "succeeded", EndsAt);
        }
    }
}
