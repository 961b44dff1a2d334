/**
 * A small ONNX writer over onnx-proto (protobufjs): a plain graph description in, the bytes of a
 * ModelProto out (IR version 8, one default-domain opset import in 13–17, weights as
 * initializers). Only what our models need: float/int32/int64 tensors and scalar/list attributes.
 */
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

export const IR_VERSION = 8;
export const MIN_OPSET = 13;
export const MAX_OPSET = 17;

export type ElementType = 'float' | 'int32' | 'int64';

/** ONNX TensorProto data type codes of the element types we write. */
export const DATA_TYPE: Readonly<Record<ElementType, number>> = {
  float: onnx.TensorProto.DataType.FLOAT,
  int32: onnx.TensorProto.DataType.INT32,
  int64: onnx.TensorProto.DataType.INT64,
};

/** A graph input or output; a string dimension is symbolic (e.g. `batch`). */
export interface ValueSpec {
  readonly name: string;
  readonly type: ElementType;
  readonly shape: readonly (number | string)[];
}

export type InitializerSpec =
  | {
      readonly name: string;
      readonly type: 'float';
      readonly dims: readonly number[];
      readonly data: Float32Array;
    }
  | {
      readonly name: string;
      readonly type: 'int32' | 'int64';
      readonly dims: readonly number[];
      readonly data: readonly number[];
    };

export type AttributeValue =
  | { readonly int: number }
  | { readonly ints: readonly number[] }
  | { readonly float: number }
  | { readonly string: string };

export interface NodeSpec {
  readonly op: string;
  readonly name: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
}

export interface ModelSpec {
  readonly graphName: string;
  readonly opset: number;
  readonly producerVersion: string;
  readonly modelVersion: number;
  readonly docString?: string;
  readonly inputs: readonly ValueSpec[];
  readonly outputs: readonly ValueSpec[];
  readonly initializers: readonly InitializerSpec[];
  readonly nodes: readonly NodeSpec[];
  /** Free-form key/value metadata stored in the model (e.g. the feature spec). */
  readonly metadata?: Readonly<Record<string, string>>;
}

export function encodeModel(spec: ModelSpec): Uint8Array {
  if (!Number.isInteger(spec.opset) || spec.opset < MIN_OPSET || spec.opset > MAX_OPSET) {
    throw new Error(`opset must be an integer in ${MIN_OPSET}–${MAX_OPSET}, got ${spec.opset}`);
  }
  for (const init of spec.initializers) {
    const expected = init.dims.reduce((a, b) => a * b, 1);
    if (init.data.length !== expected) {
      throw new Error(
        `initializer ${init.name}: ${init.data.length} values for dims [${init.dims.join(', ')}]`,
      );
    }
  }
  const model = onnx.ModelProto.create({
    irVersion: IR_VERSION,
    opsetImport: [{ domain: '', version: spec.opset }],
    producerName: 'predictiontrader-models',
    producerVersion: spec.producerVersion,
    modelVersion: spec.modelVersion,
    docString: spec.docString ?? '',
    metadataProps: Object.entries(spec.metadata ?? {}).map(([key, value]) => ({ key, value })),
    graph: {
      name: spec.graphName,
      input: spec.inputs.map(valueInfo),
      output: spec.outputs.map(valueInfo),
      initializer: spec.initializers.map(tensor),
      node: spec.nodes.map(node),
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

function valueInfo(value: ValueSpec): onnxProto.onnx.IValueInfoProto {
  return {
    name: value.name,
    type: {
      tensorType: {
        elemType: DATA_TYPE[value.type],
        shape: { dim: value.shape.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

function tensor(init: InitializerSpec): onnxProto.onnx.ITensorProto {
  const base = { name: init.name, dims: [...init.dims], dataType: DATA_TYPE[init.type] };
  switch (init.type) {
    case 'float': {
      // raw_data is little-endian; Float32Array uses the platform order, so write it explicitly.
      const bytes = new Uint8Array(init.data.length * 4);
      const view = new DataView(bytes.buffer);
      init.data.forEach((x, i) => view.setFloat32(i * 4, x, true));
      return { ...base, rawData: bytes };
    }
    case 'int32':
      return { ...base, int32Data: [...init.data] };
    case 'int64':
      return { ...base, int64Data: [...init.data] };
  }
}

function node(spec: NodeSpec): onnxProto.onnx.INodeProto {
  return {
    opType: spec.op,
    name: spec.name,
    input: [...spec.inputs],
    output: [...spec.outputs],
    attribute: Object.entries(spec.attributes ?? {}).map(([name, value]) => attribute(name, value)),
  };
}

function attribute(name: string, value: AttributeValue): onnxProto.onnx.IAttributeProto {
  const T = onnx.AttributeProto.AttributeType;
  if ('int' in value) return { name, type: T.INT, i: value.int };
  if ('ints' in value) return { name, type: T.INTS, ints: [...value.ints] };
  if ('float' in value) return { name, type: T.FLOAT, f: value.float };
  return { name, type: T.STRING, s: new TextEncoder().encode(value.string) };
}

/** Decodes a model (for tests and the manifest checks): IR version, opsets, graph I/O. */
export function decodeModel(bytes: Uint8Array): onnxProto.onnx.ModelProto {
  return onnx.ModelProto.decode(bytes);
}

/** Re-encodes a decoded (possibly edited) model: for tests that tamper with a real file. */
export function encodeDecodedModel(model: onnxProto.onnx.IModelProto): Uint8Array {
  return onnx.ModelProto.encode(model).finish();
}
