// What nearly every functional test uses: HTTP status codes, JSON nodes, the test infrastructure and the providers.
global using System.Net;
global using System.Text.Json.Nodes;
global using DealPipeline.Api.Tests.Infrastructure;
global using DealPipeline.Infrastructure;
