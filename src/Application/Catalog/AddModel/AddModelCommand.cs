using System.Text.Json;
using LlmPlatform.Application.Access.Authentication;
using LlmPlatform.Application.Common.Messaging;

namespace LlmPlatform.Application.Catalog.AddModel;

/// <summary><c>POST /model/new</c>: <c>{model_name, litellm_params, model_info}</c>.</summary>
public sealed record AddModelCommand(CallerIdentity Caller, JsonElement Entry) : ICommand<ModelInfoView>;
