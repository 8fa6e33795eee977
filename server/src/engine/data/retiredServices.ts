/**
 * Service prefixes that AWS policies (AWS managed policies among them) still carry, but that the Service
 * Authorization Reference no longer lists because AWS retired the service. unknown-service names the
 * service instead of guessing a misspelling. Hand-kept: each service's end of support is announced on
 * https://aws.amazon.com/products/lifecycle/ and the prefix is absent from the generated reference data
 * (a test checks that, so a prefix that comes back is dropped from here).
 */
export const RETIRED_SERVICES: ReadonlyMap<string, string> = new Map([
  ['deepcomposer', 'AWS DeepComposer'],
  ['deeplens', 'AWS DeepLens'],
  ['elastic-inference', 'Amazon Elastic Inference'],
  ['iot1click', 'AWS IoT 1-Click'],
  ['iotroborunner', 'AWS IoT RoboRunner'],
  ['mobilehub', 'AWS Mobile Hub'],
  ['sagemaker-groundtruth-synthetic', 'Amazon SageMaker Ground Truth Synthetic'],
  ['zocalo', 'Amazon WorkDocs (its original "zocalo" prefix)'],
]);

export const RETIRED_SERVICES_SOURCE = 'https://aws.amazon.com/products/lifecycle/';
