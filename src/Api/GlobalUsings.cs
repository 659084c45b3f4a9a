// The namespaces nearly every feature uses (each was imported by 25 to 132 files: Http by 132, since
// every refusal names its text in Http.ProblemTexts). Features import Features.Common and other
// features by name, so that what a file leans on stays visible.
global using System.Globalization;
global using System.Text.Json;
global using DealPipeline.Api.Application;
global using DealPipeline.Api.Application.Behaviors;
global using DealPipeline.Api.Http;
global using DealPipeline.Domain;
global using DealPipeline.Infrastructure;
global using FluentValidation;
global using MediatR;
global using Microsoft.Extensions.Options;
