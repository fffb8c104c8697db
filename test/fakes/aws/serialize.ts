import { NormalizedSchema } from '@smithy/core/schema';

/**
 * Response bodies for the fake, written from the SDK's own shape schemas: the element names,
 * list member names and attributes come from the same service models the real AWS endpoints
 * implement, so the fake cannot drift from the wire names the SDK parses. Values are ours.
 */

type Schema = Parameters<typeof NormalizedSchema.of>[0];

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function scalarText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return String(value);
}

function xmlElement(ns: NormalizedSchema, value: unknown, name: string): string {
  if (ns.isStructSchema()) {
    const record = value as Record<string, unknown>;
    let attributes = '';
    let children = '';
    for (const [member, memberNs] of ns.structIterator()) {
      const memberValue = record[member];
      if (memberValue === undefined || memberValue === null) continue;
      const traits = memberNs.getMergedTraits();
      const memberName = (traits.xmlName as string | undefined) ?? member;
      if (traits.xmlAttribute) {
        if (memberName.startsWith('xsi:')) attributes += ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
        attributes += ` ${memberName}="${escapeXml(scalarText(memberValue))}"`;
      } else {
        children += xmlMember(memberNs, memberValue, memberName);
      }
    }
    return `<${name}${attributes}>${children}</${name}>`;
  }
  return `<${name}>${escapeXml(scalarText(value))}</${name}>`;
}

function xmlMember(ns: NormalizedSchema, value: unknown, name: string): string {
  const traits = ns.getMergedTraits();
  if (ns.isListSchema()) {
    const itemNs = ns.getValueSchema();
    const items = (value as unknown[]).map((item) =>
      xmlElement(itemNs, item, traits.xmlFlattened ? name : ((itemNs.getMergedTraits().xmlName as string | undefined) ?? 'member')),
    );
    return traits.xmlFlattened ? items.join('') : `<${name}>${items.join('')}</${name}>`;
  }
  if (ns.isMapSchema()) {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `<entry><key>${escapeXml(k)}</key>${xmlElement(ns.getValueSchema(), v, 'value')}</entry>`)
      .join('');
    return `<${name}>${entries}</${name}>`;
  }
  return xmlElement(ns, value, name);
}

/** The members of an output structure as XML children, without a wrapping element. */
export function xmlMembers(schema: Schema, value: Record<string, unknown>): string {
  const ns = NormalizedSchema.of(schema);
  const inner = xmlElement(ns, value, 'x');
  return inner.slice('<x>'.length, -'</x>'.length);
}

/** A REST-XML (S3) body: the payload member when the output has one, else the output itself. */
export function restXmlBody(outputSchema: Schema, output: Record<string, unknown>, xmlns: string): string | undefined {
  const ns = NormalizedSchema.of(outputSchema);
  for (const [member, memberNs] of ns.structIterator()) {
    if (memberNs.getMergedTraits().httpPayload) {
      const payload = output[member];
      if (payload === undefined) return undefined;
      const root = (memberNs.getMergedTraits().xmlName as string | undefined) ?? memberNs.getName() ?? member;
      return withNamespace(xmlElement(memberNs, payload, root), xmlns);
    }
  }
  const root = (ns.getMergedTraits().xmlName as string | undefined) ?? ns.getName() ?? 'Result';
  return withNamespace(xmlElement(ns, output, root), xmlns);
}

function withNamespace(xml: string, xmlns: string): string {
  return xml.replace(/^<([^\s>]+)/, `<$1 xmlns="${xmlns}"`);
}

/** JSON bodies (awsJson1.1, restJson1): timestamps as epoch seconds, blobs as base64. */
export function jsonBody(value: unknown): string {
  return JSON.stringify(value, function replacer(this: unknown, key: string, v: unknown) {
    const raw = (this as Record<string, unknown>)[key];
    if (raw instanceof Date) return raw.getTime() / 1000;
    if (raw instanceof Uint8Array) return Buffer.from(raw).toString('base64');
    return v;
  });
}
