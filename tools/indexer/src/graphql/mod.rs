//! TODO(helper): the GraphQL API.
