using LlmPlatform.Api.Hosting;

SocketDefaults.Apply();
return await ApiHost.RunAsync(args);
