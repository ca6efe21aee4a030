// How each outbox entry reaches the API: one mutation per kind, each carrying the
// entry's id as its client mutation id, files as GraphQL multipart uploads (urql sends
// a multipart request when the variables hold a Blob; the client adds x-graphql-csrf).
import type { AnyVariables, Client, OperationResult, TypedDocumentNode } from '@urql/core';
import { isTypedApiError, type TypedApiError } from '../app/apiErrors';
import { graphql } from '../gql';
import { quoteForServer, reportForServer } from './contentHash';
import type { BilingualText, OfflineDatabase, OutboxEntry } from './db';
import type { SendOutcome } from './sync';

const MarkEnRouteMutation = graphql(`
  mutation OutboxMarkEnRoute($appointmentId: ID!, $at: DateTime!, $baseVersion: Int, $clientMutationId: String!) {
    result: markEnRoute(appointmentId: $appointmentId, at: $at, baseVersion: $baseVersion, clientMutationId: $clientMutationId) {
      __typename
      ...ErrorFields
    }
  }
`);

const ClockInMutation = graphql(`
  mutation OutboxClockIn(
    $appointmentId: ID!
    $at: DateTime!
    $latitude: Float
    $longitude: Float
    $baseVersion: Int
    $clientMutationId: String!
  ) {
    result: clockIn(
      appointmentId: $appointmentId
      at: $at
      latitude: $latitude
      longitude: $longitude
      baseVersion: $baseVersion
      clientMutationId: $clientMutationId
    ) {
      __typename
      ...ErrorFields
    }
  }
`);

const ClockOutMutation = graphql(`
  mutation OutboxClockOut(
    $appointmentId: ID!
    $at: DateTime!
    $latitude: Float
    $longitude: Float
    $baseVersion: Int
    $clientMutationId: String!
  ) {
    result: clockOut(
      appointmentId: $appointmentId
      at: $at
      latitude: $latitude
      longitude: $longitude
      baseVersion: $baseVersion
      clientMutationId: $clientMutationId
    ) {
      __typename
      ...ErrorFields
    }
  }
`);

const SaveReportMutation = graphql(`
  mutation OutboxSaveReport($input: SaveInterventionReportInput!) {
    result: saveInterventionReport(input: $input) {
      __typename
      ...ErrorFields
    }
  }
`);

const UploadPhotoMutation = graphql(`
  mutation OutboxUploadPhoto(
    $appointmentId: ID!
    $file: File!
    $kind: PhotoKind!
    $takenAt: DateTime!
    $latitude: Float
    $longitude: Float
    $clientMutationId: String!
  ) {
    result: uploadInterventionPhoto(
      appointmentId: $appointmentId
      file: $file
      kind: $kind
      takenAt: $takenAt
      latitude: $latitude
      longitude: $longitude
      clientMutationId: $clientMutationId
    ) {
      __typename
      ... on MutationUploadInterventionPhotoSuccess {
        data {
          id
        }
      }
      ...ErrorFields
    }
  }
`);

const SignReportMutation = graphql(`
  mutation OutboxSignReport(
    $appointmentId: ID!
    $signerName: String!
    $signature: File!
    $signedAt: DateTime!
    $contentHash: String!
    $clientMutationId: String!
  ) {
    result: signInterventionReport(
      appointmentId: $appointmentId
      signerName: $signerName
      signature: $signature
      signedAt: $signedAt
      contentHash: $contentHash
      clientMutationId: $clientMutationId
    ) {
      __typename
      ...ErrorFields
    }
  }
`);

const CreateQuoteMutation = graphql(`
  mutation OutboxCreateQuote($input: CreateOnSiteQuoteInput!) {
    result: createOnSiteQuote(input: $input) {
      __typename
      ... on MutationCreateOnSiteQuoteSuccess {
        data {
          id
          number
        }
      }
      ...ErrorFields
    }
  }
`);

const AcceptQuoteMutation = graphql(`
  mutation OutboxAcceptQuote(
    $quoteId: ID!
    $signerName: String!
    $signature: File!
    $acceptedAt: DateTime!
    $contentHash: String!
    $clientMutationId: String!
  ) {
    result: acceptQuoteOnSite(
      quoteId: $quoteId
      signerName: $signerName
      signature: $signature
      acceptedAt: $acceptedAt
      contentHash: $contentHash
      clientMutationId: $clientMutationId
    ) {
      __typename
      ...ErrorFields
    }
  }
`);

/** The server's reason, with each invalid field's message after it. */
function refusalOf(error: TypedApiError): BilingualText {
  const issues = error.issues ?? [];
  return {
    messageFr: [error.messageFr, ...issues.map((issue) => issue.messageFr)].join(' '),
    messageEn: [error.messageEn, ...issues.map((issue) => issue.messageEn)].join(' '),
  };
}

const missingOnDevice: BilingualText = {
  messageFr: 'Les données de cet envoi ne sont plus sur le téléphone.',
  messageEn: 'This change’s data is no longer on the phone.',
};
const quoteNotCreated: BilingualText = {
  messageFr: 'Le devis n’a pas encore été créé sur le serveur : envoyez d’abord le devis.',
  messageEn: 'The quote is not on the server yet: send the quote first.',
};

/**
 * Sends one mutation and sorts its answer: no answer (network, a 5xx, signed out) leaves
 * the entry waiting; a typed error or another GraphQL error is a refusal, shown with its
 * reason; a success may record the server's answer on the device.
 */
async function sendMutation<Data extends { result: { __typename: string } }, Variables extends AnyVariables>(
  client: Client,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  onSuccess?: (result: Data['result']) => () => Promise<void>,
): Promise<SendOutcome> {
  const response: OperationResult<Data, Variables> = await client.mutation(document, variables).toPromise();
  if (!response.data) {
    const graphQLErrors = response.error?.graphQLErrors ?? [];
    const unauthenticated = graphQLErrors.some((error) => error.extensions['code'] === 'UNAUTHENTICATED');
    const serverFault = ((response.error?.response as Response | undefined)?.status ?? 0) >= 500;
    if (!response.error || response.error.networkError || unauthenticated || serverFault || graphQLErrors.length === 0) {
      return { kind: 'unreachable' };
    }
    const message = graphQLErrors.map((error) => error.message).join(' ');
    return { kind: 'refused', reason: { messageFr: message, messageEn: message } };
  }
  const { result } = response.data;
  if (isTypedApiError(result)) return { kind: 'refused', reason: refusalOf(result) };
  return { kind: 'sent', apply: onSuccess?.(result) };
}

/** Sends an outbox entry; what it refers to on the device (photo, signature, quote) is read now. */
export async function sendOutboxEntry(client: Client, db: OfflineDatabase, entry: OutboxEntry): Promise<SendOutcome> {
  const { appointmentId, operation } = entry;
  const clientMutationId = entry.id;
  switch (operation.kind) {
    case 'markEnRoute':
      return sendMutation(client, MarkEnRouteMutation, {
        appointmentId,
        at: operation.at,
        baseVersion: operation.baseVersion,
        clientMutationId,
      });
    case 'clockIn':
      return sendMutation(client, ClockInMutation, {
        appointmentId,
        ...operation.stamp,
        baseVersion: operation.baseVersion,
        clientMutationId,
      });
    case 'clockOut':
      return sendMutation(client, ClockOutMutation, {
        appointmentId,
        ...operation.stamp,
        baseVersion: operation.baseVersion,
        clientMutationId,
      });
    case 'saveReport': {
      const { report } = operation;
      return sendMutation(
        client,
        SaveReportMutation,
        { input: { appointmentId, ...reportForServer(report), clientMutationId } },
        () => () => db.interventions.update(appointmentId, { confirmedReport: report }).then(() => undefined),
      );
    }
    case 'uploadPhoto': {
      const photo = await db.photos.get(operation.photoId);
      if (!photo) return { kind: 'refused', reason: missingOnDevice };
      return sendMutation(
        client,
        UploadPhotoMutation,
        {
          appointmentId,
          file: new File([photo.image], `photo-${photo.kind.toLowerCase()}.jpg`, { type: photo.image.type || 'application/octet-stream' }),
          kind: photo.kind,
          takenAt: photo.takenAt,
          latitude: photo.latitude,
          longitude: photo.longitude,
          clientMutationId,
        },
        (result) => () =>
          db.photos
            .update(photo.id, { serverId: result.__typename === 'MutationUploadInterventionPhotoSuccess' ? result.data.id : null })
            .then(() => undefined),
      );
    }
    case 'signReport': {
      const signature = (await db.interventions.get(appointmentId))?.signature;
      if (!signature) return { kind: 'refused', reason: missingOnDevice };
      return sendMutation(client, SignReportMutation, {
        appointmentId,
        signerName: signature.signerName,
        signature: new File([signature.image], 'signature.png', { type: 'image/png' }),
        signedAt: signature.signedAt,
        contentHash: signature.contentHash,
        clientMutationId,
      });
    }
    case 'createQuote': {
      const quote = await db.quotes.get(operation.quoteId);
      if (!quote) return { kind: 'refused', reason: missingOnDevice };
      return sendMutation(
        client,
        CreateQuoteMutation,
        { input: { appointmentId, title: quote.title, issuedAt: quote.savedAt, ...quoteForServer(quote), clientMutationId } },
        (result) => () =>
          result.__typename === 'MutationCreateOnSiteQuoteSuccess'
            ? db.quotes.update(quote.id, { serverId: result.data.id, number: result.data.number }).then(() => undefined)
            : Promise.resolve(),
      );
    }
    case 'acceptQuote': {
      const quote = await db.quotes.get(operation.quoteId);
      if (!quote?.acceptance) return { kind: 'refused', reason: missingOnDevice };
      if (!quote.serverId) return { kind: 'refused', reason: quoteNotCreated };
      return sendMutation(client, AcceptQuoteMutation, {
        quoteId: quote.serverId,
        signerName: quote.acceptance.signerName,
        signature: new File([quote.acceptance.image], 'signature.png', { type: 'image/png' }),
        acceptedAt: quote.acceptance.signedAt,
        contentHash: quote.acceptance.contentHash,
        clientMutationId,
      });
    }
  }
}
