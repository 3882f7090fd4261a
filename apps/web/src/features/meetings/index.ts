export { PublishedAgendas } from './PublishedAgendas';
