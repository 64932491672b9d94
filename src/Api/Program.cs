using LlmPlatform.Api.Hosting;

return await ApiHost.RunAsync(args);
